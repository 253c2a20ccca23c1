using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.Core.Status;

namespace ProvisioningBus.Testing;

/// <summary>
/// The sync-status reader in a host of its own over the services' configuration and store, as the CLI's <c>status</c>
/// runs it: what a test reads here is what operators see, not what a worker keeps in memory.
/// </summary>
public sealed class RunningStatusReader : IAsyncDisposable
{
    private readonly IHost host;

    private RunningStatusReader(IHost host) => this.host = host;

    public SyncStatusReader Reader => host.Services.GetRequiredService<SyncStatusReader>();

    /// <param name="scheduleClock">The inbound schedule's clock, when the test moves it; the reader predicts next runs on it.</param>
    public static async Task<RunningStatusReader> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings, TimeProvider? scheduleClock = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (scheduleClock is not null)
        {
            builder.Services.AddKeyedSingleton(InboundSchedule.ClockKey, scheduleClock);
        }

        builder.Services.AddOptions<BusOptions>().Bind(builder.Configuration.GetSection(BusOptions.SectionName));
        builder.AddSyncStatus();
        var host = builder.Build();
        await host.StartAsync();
        return new RunningStatusReader(host);
    }

    /// <summary>Reads one rule once, on a reader started for just that read (the settings may change between reads).</summary>
    public static async Task<RuleStatus?> ReadRuleAsync(IEnumerable<KeyValuePair<string, string?>> settings, string rule)
    {
        await using var reader = await StartAsync(settings);
        return await reader.Reader.ReadRuleAsync(rule, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
