using ProvisioningBus.Core.Roles;
using ProvisioningBus.Outbound;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Benchmarks.Deployment;

/// <summary>One real outbound worker (its Program.cs: service defaults + <c>AddOutbound()</c>), in this process.</summary>
public sealed class WorkerHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private WorkerHost(WebApplication app) => this.app = app;

    public IServiceProvider Services => app.Services;

    /// <param name="clock">
    /// A compressed clock shared with the Docusign emulator, registered before <c>AddOutbound()</c> so that every
    /// <c>TryAddSingleton(TimeProvider.System)</c> in the services keeps it: the client's rate-limit waits, token
    /// lifetimes and leases then all run on the emulator's time.
    /// </param>
    public static async Task<WorkerHost> StartAsync(IDictionary<string, string?> settings, LogTally logs, TimeProvider? clock, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        HostDefaults.RouteLogsTo(builder, logs);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.AddServiceDefaults(WorkerServiceName.For(WorkerRoles.Outbound));
        builder.AddOutbound();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync(ct);
        return new WorkerHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
