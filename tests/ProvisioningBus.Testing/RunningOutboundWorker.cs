using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Core.Roles;
using ProvisioningBus.Outbound;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Testing;

/// <summary>The real outbound worker (its consumers on the test's virtual host), configured as its Program.cs does.</summary>
public sealed class RunningOutboundWorker : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningOutboundWorker(WebApplication app) => this.app = app;

    public IServiceProvider Services => app.Services;

    /// <param name="roles">The outbound roles this worker runs (all by default), as <c>Worker:Roles</c> selects them.</param>
    /// <param name="configure">Test additions to the host (an exporter, a fake), applied after the worker's own registrations.</param>
    public static async Task<RunningOutboundWorker> StartAsync(
        IDictionary<string, string?> settings, WorkerRoles roles = WorkerRoles.Outbound, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults(WorkerServiceName.For(roles));
        builder.AddOutbound(roles: roles);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return new RunningOutboundWorker(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
