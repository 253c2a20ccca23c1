using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.DeadLetters;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Core.Messaging;

public static class BusRegistration
{
    /// <summary>
    /// Registers MassTransit on RabbitMQ (durable quorum queues, publisher confirms) when <c>RabbitMq:Uri</c> is set,
    /// otherwise on the in-memory transport for the single-process embedded default.
    /// </summary>
    public static IServiceCollection AddProvisioningBus(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IBusRegistrationConfigurator>? addConsumers = null)
    {
        services.AddOptions<BusOptions>().Bind(configuration.GetSection(BusOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BusOptions>, BusOptionsValidator>();

        var options = configuration.GetSection(BusOptions.SectionName).Get<BusOptions>() ?? new BusOptions();

        // Start-up completes only once the bus is connected and every receive endpoint (queue + bindings) exists, so
        // a process that reports started never has a consumer whose messages would still be routed nowhere.
        services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        if (options.UsesRabbitMq && Uri.TryCreate(options.Uri, UriKind.Absolute, out _))
        {
            var broker = RabbitMqAddress.Parse(options.Uri!);
            services.AddHealthChecks().Add(new HealthCheckRegistration(
                "broker", _ => new BrokerReachabilityHealthCheck(broker), failureStatus: null, tags: [ServiceDefaultsExtensions.ReadyTag]));
        }

        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();

            // MassTransit 8.4+ reports usage to its vendor by default; a provisioning service makes no such calls.
            bus.DisableUsageTelemetry();

            // MassTransit tags its bus check "ready" by default; named here because /health/ready depends on it.
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "masstransit-bus";
                health.Tags.Add(ServiceDefaultsExtensions.ReadyTag);
                health.Tags.Add("masstransit");
            });

            // Every receive queue is a quorum queue on RabbitMQ: replicated, so a broker node loss loses no change.
            bus.AddConfigureEndpointsCallback((_, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
            });

            // A change moved to _error shows in its rule's status and failures, not only in the queue (issue 17).
            bus.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UseDeadLetterLedger(context));
            addConsumers?.Invoke(bus);

            if (options.UsesRabbitMq && Uri.TryCreate(options.Uri, UriKind.Absolute, out _))
            {
                var address = RabbitMqAddress.Parse(options.Uri!);
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(address.Host, address.Port, address.VirtualHost, options.ConnectionNameOrDefault, host =>
                    {
                        host.Username(address.UserName);
                        host.Password(address.Password);
                        // Publish returns only once the broker confirmed the message: the gateway relies on it
                        // to answer PingOne 200 only for batches that are safely on the broker.
                        host.PublisherConfirmation = true;
                        if (address.UseTls)
                        {
                            host.UseSsl(ssl => ssl.ServerName = address.Host);
                        }
                    });
                    cfg.PrefetchCount = options.PrefetchCount;
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        return services;
    }
}
