using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Status;
using ProvisioningBus.Gateway.Status;
using ProvisioningBus.Gateway.Webhooks;
using ProvisioningBus.PingOne.Webhooks;

namespace ProvisioningBus.Gateway;

public static class GatewayExtensions
{
    /// <summary>The gateway's services: webhook ingress onto the bus, and the sync-status API and page. It hosts no consumers.</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>()
            .Bind(builder.Configuration.GetSection(WebhookOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        builder.Services.AddSingleton<PingOneActivityParser>();
        builder.Services.AddSingleton<WebhookAuthenticator>();
        builder.Services.AddScoped<ActivityBatchPublisher>();
        builder.AddSyncStatus();
        // Enum names, not numbers, in every JSON answer: operators and scripts read "Failed", not 4.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        if (!builder.Services.Any(service => service.ServiceType == typeof(MassTransit.IBus)))
        {
            builder.Services.AddProvisioningBus(builder.Configuration);
        }

        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapPingOneWebhook();
        app.MapSyncStatus();
        return app;
    }
}
