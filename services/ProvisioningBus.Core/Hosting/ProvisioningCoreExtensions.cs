using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Core.Leases;
using ProvisioningBus.Core.Notifications;
using ProvisioningBus.Core.Telemetry;
using ProvisioningBus.Docusign;
using ProvisioningBus.PingOne;
using ProvisioningBus.State.Hosting;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Core.Hosting;

public static class ProvisioningCoreExtensions
{
    /// <summary>The embedded default store: a SQLite file beside the process.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=provisioningbus.db";

    /// <summary>
    /// What every worker needs: the state store (<c>State:*</c>), PingOne (<c>PingOne:*</c>) and the Docusign
    /// connections (<c>Docusign:Connections:*</c>) whose refresh tokens live in the store, the lease times (<c>Leases:*</c>)
    /// and how long consumers wait out infrastructure faults (<c>Resilience:*</c>).
    /// </summary>
    public static IHostApplicationBuilder AddProvisioningCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(service => service.ServiceType == typeof(StoreBackedDocusignRefreshTokenStore)))
        {
            return builder;
        }

        var configuration = builder.Configuration;
        builder.AddProvisioningStateStore();
        // Before the bus's hosted service: the log's writer then stops after the consumers and flushes what they queued.
        services.AddProvisioningLog(configuration.GetSection(ProvisioningLogOptions.SectionName));
        services.AddHostedService<RuleEndpointGuard>();
        services.AddSingleton<StoreBackedDocusignRefreshTokenStore>();
        services.TryAddSingleton<ConnectionSwitch>();
        services.AddSingleton<IDocusignRefreshTokenStore>(provider => provider.GetRequiredService<StoreBackedDocusignRefreshTokenStore>());
        services.AddSingleton<IDocusignAccountBudget, StoreBackedDocusignAccountBudget>();
        services.AddDocusignConnections(configuration.GetSection("Docusign:Connections"));
        services.AddPingOneClient(configuration.GetSection("PingOne"));
        services.AddHostedService<DocusignBudgetMetrics>();
        services.AddOptions<LeaseOptions>().Bind(configuration.GetSection(LeaseOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LeaseOptions>, LeaseOptionsValidator>();
        services.AddOptions<RedeliveryOptions>().Bind(configuration.GetSection(RedeliveryOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedeliveryOptions>, RedeliveryOptionsValidator>();
        services.AddOptions<KillSwitchSettings>().Bind(configuration.GetSection(KillSwitchSettings.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KillSwitchSettings>, KillSwitchSettingsValidator>();
        services.AddOptions<QuarantineOptions>().Bind(configuration.GetSection(QuarantineOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QuarantineOptions>, QuarantineOptionsValidator>();
        services.AddSingleton<ConnectionQuarantine>();
        services.AddSingleton<ConnectionGate>();
        services.AddHostedService<ConnectionSelfTest>();
        builder.AddOperatorNotifications();
        return builder;
    }

    /// <summary>The notification webhook (<c>Notifications:*</c>): for the workers and the CLI's approvals.</summary>
    public static IHostApplicationBuilder AddOperatorNotifications(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(service => service.ServiceType == typeof(OperatorNotifier)))
        {
            return builder;
        }

        services.AddOptions<NotificationOptions>().Bind(builder.Configuration.GetSection(NotificationOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.AddHttpClient(OperatorNotifier.HttpClientName);
        services.AddSingleton<OperatorNotifier>();
        return builder;
    }

    /// <summary>Only the state store (<c>State:*</c>, SQLite by default) and its readiness check: for the gateway and the CLI.</summary>
    public static IHostApplicationBuilder AddProvisioningStateStore(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(service => service.ServiceType == typeof(StoreHealthCheck)))
        {
            return builder;
        }

        var store = builder.Configuration.GetSection(StoreOptions.SectionName).Get<StoreOptions>() ?? new StoreOptions();
        if (store.Provider == StoreProvider.Sqlite && string.IsNullOrWhiteSpace(store.ConnectionString))
        {
            store = store with { ConnectionString = DefaultSqliteConnectionString };
        }

        builder.Services.AddProvisioningStore(store);
        builder.Services.AddSingleton<StoreHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("state-store", tags: ["ready"]);
        return builder;
    }
}
