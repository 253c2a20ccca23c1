using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Gateway;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Testing;

/// <summary>The real gateway on Kestrel (127.0.0.1, a free port), configured the way its Program.cs does.</summary>
public sealed class RunningGateway : IAsyncDisposable
{
    public const string WebhookSecret = "integration-test-webhook-secret";

    public const string AdminToken = "integration-test-admin-token";

    private readonly WebApplication app;

    private RunningGateway(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    public Uri WebhookUri => new(BaseAddress, "/webhooks/pingone");

    /// <param name="configure">Test additions to the host (an exporter, a fake), applied after the gateway's own registrations.</param>
    public static async Task<RunningGateway> StartAsync(Uri amqpUri, IDictionary<string, string?>? settings = null, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RabbitMq:Uri"] = amqpUri.ToString(),
            ["Gateway:Webhook:Secret"] = WebhookSecret,
            ["Gateway:Admin:Token"] = AdminToken,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddServiceDefaults(ServiceNames.Gateway);
        builder.AddGateway();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGateway();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RunningGateway(app, new Uri(address));
    }

    public HttpClient CreateClient(bool authenticated = true)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (authenticated)
        {
            client.DefaultRequestHeaders.Add("X-Webhook-Secret", WebhookSecret);
        }

        return client;
    }

    /// <summary>A client for the status page and API, carrying <see cref="AdminToken"/> as a bearer token.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
