using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.State.Hosting;

public static class ProvisioningLogServiceCollectionExtensions
{
    /// <summary>
    /// The provisioning log of a process that applies changes: the queue the store's ledger fills, its background
    /// writer and the retention pruner. Call before <c>AddMassTransit</c>, so the writer stops (and flushes) after the
    /// consumers. Without it the store still reads the log but records nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">A <c>ProvisioningLog:*</c> value is invalid; the message names its key.</exception>
    public static IServiceCollection AddProvisioningLog(this IServiceCollection services, IConfiguration section)
    {
        var options = section.Get<ProvisioningLogOptions>() ?? new ProvisioningLogOptions();
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid provisioning log configuration: " + string.Join(" ", errors));
        }

        if (services.Any(service => service.ServiceType == typeof(ProvisioningLogQueue)))
        {
            return services;
        }

        services.AddSingleton(options);
        services.AddSingleton(new ProvisioningLogQueue(options));
        if (options.Enabled)
        {
            services.AddHostedService<ProvisioningLogWriter>();
            services.AddHostedService<ProvisioningLogPruner>();
        }

        return services;
    }
}
