using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ProvisioningBus.ServiceDefaults;

/// <summary>
/// The one place every service gets its telemetry and health endpoints from (the eShop "service defaults" shape).
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Tag on health checks that must pass before a service takes traffic (broker, store).</summary>
    public const string ReadyTag = "ready";

    /// <param name="defaultServiceName">The process's <c>service.name</c> (<see cref="ServiceNames"/>) unless <c>OTEL_SERVICE_NAME</c> names another.</param>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, string defaultServiceName)
        where TBuilder : IHostApplicationBuilder
    {
        // Logging:Console:FormatterName=json switches the console to one JSON object per line; a log shipper needs
        // the time in it, which the JSON formatter leaves out unless a format is configured.
        builder.Services.PostConfigure<JsonConsoleFormatterOptions>(json =>
        {
            if (json.TimestampFormat is null)
            {
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.UseUtcTimestamp = true;
            }
        });

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var identity = ServiceIdentity.From(builder.Configuration, defaultServiceName);
        builder.Services.AddOpenTelemetry()
            // Our name is added after the SDK's detectors and so replaces theirs: ServiceIdentity reads OTEL_SERVICE_NAME itself.
            .ConfigureResource(resource => resource.AddService(identity.Name, serviceVersion: identity.Version, autoGenerateServiceInstanceId: false, serviceInstanceId: identity.InstanceId))
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

    /// <summary>
    /// Maps <c>/health/live</c> (the process answers: 200 unless it is wedged) and <c>/health/ready</c> (broker
    /// connected, store reachable, no receive endpoint stopped by its kill switch: 503 otherwise).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });

        // ASP.NET Core answers Degraded with 200, and MassTransit reports a bus that lost its broker, or an endpoint its
        // kill switch stopped, as Degraded: a probe reading only the status code would keep sending traffic.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }
}
