using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProvisioningBus.Docusign;
using ProvisioningBus.Core.Status;
using ProvisioningBus.Inbound.Sync;
using ProvisioningBus.State;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Tests.Infrastructure;

/// <summary>The real inbound worker (poller and consumers on the test's virtual host), composed as its Program.cs does.</summary>
public sealed class RunningInboundWorker : IAsyncDisposable
{
    private readonly IHost host;
    private readonly RunningStatusReader status;
    private bool stopped;

    private RunningInboundWorker(IHost host, RunningStatusReader status)
    {
        this.host = host;
        this.status = status;
    }

    public IServiceProvider Services => host.Services;

    public IProvisioningStore Store => Services.GetRequiredService<IProvisioningStore>();

    public InboundSyncRunner Runner => Services.GetRequiredService<InboundSyncRunner>();

    public InboundPoller Poller => Services.GetRequiredService<InboundPoller>();

    /// <summary>The status API's reader over this worker's configuration, store and schedule clock.</summary>
    public SyncStatusReader Status => status.Reader;

    public InboundSyncCommands Commands => Services.GetRequiredService<InboundSyncCommands>();

    public IDocusignAccountClient Docusign => Services.GetRequiredService<IDocusignClientProvider>().Get(InboundScenario.ConnectionName);

    /// <param name="clock">The schedule's clock (the HTTP clients keep the system clock).</param>
    /// <param name="customize">Runs after <c>AddInbound</c>: a later registration replaces a store feature (fault injection).</param>
    public static async Task<RunningInboundWorker> StartAsync(
        IDictionary<string, string?> settings, TimeProvider? clock = null, Action<IServiceCollection>? customize = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (clock is not null)
        {
            builder.Services.AddKeyedSingleton(InboundExtensions.ScheduleClock, clock);
        }

        builder.AddInbound();
        customize?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return new RunningInboundWorker(host, await RunningStatusReader.StartAsync(settings, clock));
    }

    /// <summary>A manual run now, as the SyncRule consumer would make it, publishing on the worker's bus.</summary>
    public Task<InboundSyncResult> SyncNowAsync(SyncRunKind kind = SyncRunKind.Manual, Guid? approvedSnapshotId = null) =>
        Runner.RunAsync(InboundScenario.RuleName, kind, Services.GetRequiredService<IBus>(), approvedSnapshotId, CancellationToken.None);

    public Task<IReadOnlyList<SyncRun>> RunsAsync() => Store.SyncRuns.ListRecentAsync(InboundScenario.RuleName, 100, CancellationToken.None);

    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await host.StopAsync();
            await status.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        host.Dispose();
    }
}
