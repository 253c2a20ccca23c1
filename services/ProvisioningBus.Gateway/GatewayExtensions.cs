using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Status;
using ProvisioningBus.Gateway.Admin;
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
        builder.Services.AddOptions<AdminOptions>()
            .Bind(builder.Configuration.GetSection(AdminOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        builder.Services.AddSingleton<AdminAuthenticationFilter>();
        builder.Services.AddSingleton<PingOneActivityParser>();
        builder.Services.AddSingleton<WebhookAuthenticator>();
        builder.Services.AddSingleton<WebhookTriage>();
        builder.Services.AddScoped<DirectoryChangePublisher>();
        builder.Services.AddSingleton<MalformedEventParking>();
        builder.AddSyncStatus();
        builder.Services.AddSingleton<DocusignBudgetHistory>();
        builder.Services.AddHostedService<DocusignBudgetSampler>();
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
        if (string.IsNullOrWhiteSpace(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AdminOptions>>().Value.Token))
        {
            app.Logger.LogWarning("The status page and API are off (404): set {Key} to open them with that token", $"{AdminOptions.SectionName}:Token");
        }

        return app;
    }
}
