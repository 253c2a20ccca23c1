using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Docusign;
using ProvisioningBus.PingOne;
using ProvisioningBus.State.Hosting;

namespace ProvisioningBus.Core.Hosting;

public static class ProvisioningCoreExtensions
{
    /// <summary>The embedded default store: a SQLite file beside the process.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=provisioningbus.db";

    /// <summary>
    /// What every worker needs: the state store (<c>State:*</c>), PingOne (<c>PingOne:*</c>) and the Docusign
    /// connections (<c>Docusign:Connections:*</c>) whose refresh tokens live in the store.
    /// </summary>
    public static IHostApplicationBuilder AddProvisioningCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(service => service.ServiceType == typeof(StoreBackedDocusignRefreshTokenStore)))
        {
            return builder;
        }

        var configuration = builder.Configuration;
        var store = configuration.GetSection(StoreOptions.SectionName).Get<StoreOptions>() ?? new StoreOptions();
        if (store.Provider == StoreProvider.Sqlite && string.IsNullOrWhiteSpace(store.ConnectionString))
        {
            store = store with { ConnectionString = DefaultSqliteConnectionString };
        }

        services.AddProvisioningStore(store);
        services.AddSingleton<StoreBackedDocusignRefreshTokenStore>();
        services.AddSingleton<IDocusignRefreshTokenStore>(provider => provider.GetRequiredService<StoreBackedDocusignRefreshTokenStore>());
        services.AddDocusignConnections(configuration.GetSection("Docusign:Connections"));
        services.AddPingOneClient(configuration.GetSection("PingOne"));
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("state-store", tags: ["ready"]);
        return builder;
    }
}
