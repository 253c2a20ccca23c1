using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProvisioningBus.Docusign;
using ProvisioningBus.Docusign.Admin;
using ProvisioningBus.Docusign.Api;
using ProvisioningBus.Docusign.Api.Admin;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

public static class DocusignServiceCollectionExtensions
{
    /// <summary>
    /// Registers one Docusign connection: a keyed Refit client for <see cref="IDocusignEsignatureApi"/> behind the
    /// handlers transport-errors → OAuth (bearer, 401 → one refresh + retry) → rate limits → resilience, plus
    /// <see cref="IDocusignClientProvider"/>, an in-memory <see cref="IDocusignRefreshTokenStore"/> and
    /// <see cref="IDocusignAccountBudget"/> (TryAdd; replace them with shared ones) and <see cref="TimeProvider.System"/> (TryAdd).
    /// </summary>
    public static IServiceCollection AddDocusignConnection(this IServiceCollection services, string connectionName, DocusignConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        ArgumentNullException.ThrowIfNull(options);
        options.Name ??= connectionName;
        options.Validate(connectionName);

        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDocusignRefreshTokenStore, InMemoryDocusignRefreshTokenStore>();
        services.TryAddSingleton<IDocusignAccountBudget, UnsharedDocusignAccountBudget>();
        services.TryAddSingleton<IDocusignClientProvider, DocusignClientProvider>();
        services.TryAddSingleton<IDocusignAdminClientProvider, DocusignAdminClientProvider>();
        services.Configure<DocusignConnectionRegistry>(registry => registry.Names.Add(connectionName));

        services.AddKeyedSingleton(connectionName, (sp, _) =>
        {
            var logger = Logger(sp);
            var tokens = new DocusignTokenManager(
                connectionName,
                options,
                sp.GetRequiredService<IHttpClientFactory>(),
                sp.GetRequiredService<IDocusignRefreshTokenStore>(),
                sp.GetRequiredService<TimeProvider>(),
                logger);
            return new DocusignConnection(
                connectionName, options, tokens, new DocusignRateBudget(options.BurstWindow), new DocusignProtectedUsers(sp.GetRequiredService<TimeProvider>()));
        });

        services.AddHttpClient(DocusignTokenManager.HttpClientName(connectionName))
            .ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(100))
            .AddDocusignTransientHandling("docusign-oauth", options);

        var settings = new RefitSettings(new SystemTextJsonContentSerializer(DocusignJson.Options))
        {
            ExceptionFactory = DocusignExceptionFactory.CreateAsync,
            // Bodies are re-sent on 401 and rate-limit retries.
            Buffered = true,
            // Transport failures are already DocusignApiException (DocusignTransportErrorHandler); Refit's default
            // wrapper would attach the request message, bearer header included.
            TransportExceptionFactory = (_, exception, _) => exception,
        };
        services.AddKeyedRefitGeneratedClient<IDocusignEsignatureApi>(connectionName, _ => settings, "docusign-rest:" + connectionName)
            .ConfigureHttpClient(client =>
            {
                client.BaseAddress = options.ServiceUri;
                // Attempts are bounded by the resilience timeout; a rate-limit wait may legitimately last up to an hour.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(() => new DocusignTransportErrorHandler())
            .AddHttpMessageHandler(sp => new DocusignOAuthHandler(Connection(sp, connectionName).Tokens))
            .AddHttpMessageHandler(sp =>
            {
                var connection = Connection(sp, connectionName);
                return new DocusignRateLimitHandler(
                    connection.Budget, sp.GetRequiredService<IDocusignAccountBudget>(), options, sp.GetRequiredService<TimeProvider>(), Logger(sp));
            })
            .AddDocusignTransientHandling("docusign-rest", options);

        // The Admin API takes the same OAuth token (its consent must include the Admin scope user_read). It is not the
        // eSignature account budget: Docusign limits it separately, so the eSignature rate-limit handler stays off it.
        services.AddKeyedRefitGeneratedClient<IDocusignAdminApi>(connectionName, _ => settings, "docusign-admin:" + connectionName)
            .ConfigureHttpClient(client =>
            {
                // Refit joins a base path and the route; a trailing slash would double it.
                client.BaseAddress = new Uri(options.ResolveAdminBaseUri().ToString().TrimEnd('/'));
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(() => new DocusignTransportErrorHandler())
            .AddHttpMessageHandler(sp => new DocusignOAuthHandler(Connection(sp, connectionName).Tokens))
            .AddDocusignTransientHandling("docusign-admin", options);

        return services;
    }

    /// <summary>Registers one connection from a configuration section (the section's key is the default name).</summary>
    public static IServiceCollection AddDocusignConnection(this IServiceCollection services, string connectionName, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = section.Get<DocusignConnectionOptions>() ?? new DocusignConnectionOptions();
        return services.AddDocusignConnection(connectionName, options);
    }

    /// <summary>Registers every child of <paramref name="connectionsSection"/> (e.g. <c>Docusign:Connections</c>) as a connection named by its key (or its Name).</summary>
    public static IServiceCollection AddDocusignConnections(this IServiceCollection services, IConfiguration connectionsSection)
    {
        ArgumentNullException.ThrowIfNull(connectionsSection);
        foreach (var child in connectionsSection.GetChildren())
        {
            var options = child.Get<DocusignConnectionOptions>() ?? new DocusignConnectionOptions();
            services.AddDocusignConnection(options.Name ?? child.Key, options);
        }

        return services;
    }

    private static DocusignConnection Connection(IServiceProvider services, string name) =>
        services.GetRequiredKeyedService<DocusignConnection>(name);

    private static ILogger Logger(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger("ProvisioningBus.Docusign") ?? NullLogger.Instance;
}
