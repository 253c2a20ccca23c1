using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.State.Hosting;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IProvisioningStore"/>, each feature interface (<c>IUserLinkStore</c>, <c>ILeaseStore</c>, …),
    /// <c>IStoreHealth</c>, and a hosted service that creates or upgrades the schema at start-up.
    /// Uses the registered <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/> if none).
    /// </summary>
    /// <exception cref="InvalidOperationException">The options are invalid; the message names <c>State:Provider</c> / <c>State:ConnectionString</c>.</exception>
    public static IServiceCollection AddProvisioningStore(this IServiceCollection services, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid state store configuration: " + string.Join(" ", errors));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<IProvisioningStore>(sp => ProvisioningStore.Create(options, sp.GetRequiredService<TimeProvider>(), sp.GetService<ProvisioningLogQueue>()));
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().UserLinks);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().GroupLinks);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().Memberships);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().RefreshTokens);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().Ledger);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().SyncRuns);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().ProvisioningLog);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().RuleStates);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().RuleEndpoints);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().Leases);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().ProcessedEvents);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().InboundSnapshots);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().InboundLinks);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().InboundPollCursors);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().SharedCounters);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().ParkedEvents);
        services.AddSingleton(sp => sp.GetRequiredService<IProvisioningStore>().Health);
        services.AddHostedService<StoreSchemaInitializer>();
        return services;
    }
}
