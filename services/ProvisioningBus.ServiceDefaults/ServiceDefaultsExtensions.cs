using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ProvisioningBus.ServiceDefaults;

/// <summary>
/// The one place every service gets its telemetry and health endpoints from (the eShop "service defaults" shape).
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Tag on health checks that must pass before a service takes traffic (broker, store).</summary>
    public const string ReadyTag = "ready";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(ProvisioningBusTelemetry.SourceName, ProvisioningBusTelemetry.MassTransitSourceName)
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(ProvisioningBusTelemetry.SourceName, ProvisioningBusTelemetry.MassTransitSourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());

        // OTLP only when a collector is named, so the embedded default never tries to reach one.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>Maps <c>/health/live</c> (the process answers) and <c>/health/ready</c> (broker and store reachable).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
