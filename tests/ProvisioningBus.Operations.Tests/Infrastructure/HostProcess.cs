using System.Text.RegularExpressions;

namespace ProvisioningBus.Operations.Tests.Infrastructure;

/// <summary>
/// The all-in-one host as its own process, started the way the README's first command starts it (the built
/// ProvisioningBus.Host with its appsettings.json and no broker or store from the test runner's environment).
/// </summary>
public sealed partial class HostProcess(ServiceProcess process) : IAsyncDisposable
{
    public string Output => process.Output;

    public static async Task<HostProcess> StartAsync(params string[] arguments) =>
        new(await ServiceProcess.StartAsync(
            "services/ProvisioningBus.Host", "all-in-one host", new Dictionary<string, string?>(), arguments, _ => Task.FromResult(true), TimeSpan.FromMinutes(1)));

    /// <summary>Waits for the line the host prints once the gateway listens, and returns the gateway's address.</summary>
    public async Task<Uri> WaitForGatewayAsync(TimeSpan timeout)
    {
        var line = await WaitForLineAsync(candidate => candidate.TrimStart().StartsWith("gateway:", StringComparison.Ordinal), timeout);
        return new Uri(AddressPattern().Match(line).Value);
    }

    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout) =>
        process.WaitForLineAsync(match, timeout, "the host prints the expected line");

    public ValueTask DisposeAsync() => process.DisposeAsync();

    [GeneratedRegex(@"http://[^\s)]+")]
    private static partial Regex AddressPattern();
}
