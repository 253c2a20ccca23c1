using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using ProvisioningBus.Gateway;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Benchmarks.Deployment;

/// <summary>The real gateway on Kestrel (127.0.0.1, a free port), built as its Program.cs builds it.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public const string WebhookSecret = "benchmark-webhook-secret-0123456789";
    public const string SecretHeader = "X-Webhook-Secret";

    private readonly WebApplication app;

    private GatewayHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        WebhookUri = new Uri(baseAddress, "/webhooks/pingone");
    }

    public Uri WebhookUri { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<GatewayHost> StartAsync(IDictionary<string, string?> settings, LogTally logs, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:Webhook:Secret"] = WebhookSecret });
        HostDefaults.RouteLogsTo(builder, logs);
        builder.AddServiceDefaults(ServiceNames.Gateway);
        builder.AddGateway();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGateway();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new GatewayHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
