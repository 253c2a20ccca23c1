using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ProvisioningBus.Outbound;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Testing;

/// <summary>The real outbound worker (its consumers on the test's virtual host), configured as its Program.cs does.</summary>
public sealed class RunningOutboundWorker : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningOutboundWorker(WebApplication app) => this.app = app;

    public IServiceProvider Services => app.Services;

    public static async Task<RunningOutboundWorker> StartAsync(IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        builder.AddOutbound();
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
