using Microsoft.Extensions.Options;

namespace ProvisioningBus.ServiceDefaults;

/// <summary>
/// Runs a service so that bad configuration ends it with one line naming the key and exit code 1, never a stack trace:
/// an operator reads the line, a supervisor reads the code. Other exceptions are bugs and keep their trace.
/// </summary>
public static class ServiceStartup
{
    public const int InvalidConfiguration = 1;

    public static Task<int> RunAsync(Func<Task> run) => RunAsync(async () =>
    {
        await run();
        return 0;
    });

    /// <param name="run">The service; its result is the exit code.</param>
    public static async Task<int> RunAsync(Func<Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return await run();
        }
        catch (Exception exception) when (Describe(exception) is { } message)
        {
            await Console.Error.WriteLineAsync(message);
            return InvalidConfiguration;
        }
    }

    /// <returns>The one line for a configuration error; <c>null</c> for anything else.</returns>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => "Invalid configuration: " + string.Join(" ", invalid.Failures),
        AggregateException aggregate when aggregate.InnerExceptions.Select(Describe).ToList() is var lines && lines.All(line => line is not null) =>
            string.Join(" ", lines),
        FileNotFoundException missing => $"Configuration file not found: {missing.FileName ?? missing.Message}",
        InvalidDataException badFile => $"Configuration file is not valid JSON: {badFile.Message}",
        // Binding and registration report a bad value (a TimeSpan "abc", a missing connection setting) this way, naming the key.
        InvalidOperationException or FormatException => "Invalid configuration: " + exception.Message.ReplaceLineEndings(" "),
        _ => null,
    };
}
