using ProvisioningBus.Operations;

namespace ProvisioningBus.Operations.Tests.Infrastructure;

/// <summary>
/// The CLI entry point running in-process while the test acts on what it printed so far (a consent URL to open),
/// as an operator at the terminal would.
/// </summary>
public sealed class RunningCli : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly TextWriter _syncOutput;
    private readonly TextWriter _syncError;
    private readonly Task<int> _run;

    private RunningCli(IDictionary<string, string?> settings, TextReader? input, string[] args)
    {
        _syncOutput = TextWriter.Synchronized(_output);
        _syncError = TextWriter.Synchronized(_error);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _run = Task.Run(() => CliApplication.RunAsync(args, _syncOutput, _syncError, configuration, input));
    }

    public static RunningCli Start(IDictionary<string, string?> settings, params string[] args) => new(settings, null, args);

    public static RunningCli Start(IDictionary<string, string?> settings, TextReader input, params string[] args) => new(settings, input, args);

    public string Output
    {
        get
        {
            lock (_syncOutput)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The first printed line that matches, once the CLI printed it (or fails naming what was printed instead).</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var output = await Eventually.MatchesAsync(
            () => _run.IsCompleted ? Task.FromResult(Output + "\n[exited]") : Task.FromResult(Output),
            text => text.Split('\n').Any(match) || text.EndsWith("[exited]", StringComparison.Ordinal),
            timeout,
            "the CLI prints the expected line");
        return output.Split('\n').FirstOrDefault(match)?.Trim()
            ?? throw new InvalidOperationException($"The CLI exited without printing the line. Output: {Output} Error: {_error}");
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
    }

    public async Task<CliRun> CompleteAsync(TimeSpan timeout)
    {
        var exit = await _run.WaitAsync(timeout);
        return new CliRun(exit, Output, _error.ToString());
    }
}
