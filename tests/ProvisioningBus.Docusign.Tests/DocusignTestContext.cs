using Docusign.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProvisioningBus.Docusign;

namespace ProvisioningBus.Docusign.Tests;

/// <summary>An emulator on a free loopback port and a DI container with one connection ("docusign") pointed at it.</summary>
public sealed class DocusignTestContext : IAsyncDisposable
{
    public const string ConnectionName = "docusign";

    private DocusignTestContext(DocusignEmulator emulator, ServiceProvider services, DocusignConnectionOptions connectionOptions)
    {
        Emulator = emulator;
        Services = services;
        ConnectionOptions = connectionOptions;
    }

    public DocusignEmulator Emulator { get; }

    public DocusignEmulatorState State => Emulator.State;

    public ServiceProvider Services { get; }

    public DocusignConnectionOptions ConnectionOptions { get; }

    public IDocusignAccountClient Client => Services.GetRequiredService<IDocusignClientProvider>().Get(ConnectionName);

    public static async Task<DocusignTestContext> StartAsync(
        DocusignEmulatorOptions? emulatorOptions = null,
        Action<DocusignConnectionOptions>? configureConnection = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var emulator = await DocusignEmulator.StartAsync(emulatorOptions ?? new DocusignEmulatorOptions());
        var connection = ConnectionTo(emulator);
        configureConnection?.Invoke(connection);

        var services = new ServiceCollection();
        services.AddLogging();
        configureServices?.Invoke(services);
        services.AddDocusignConnection(ConnectionName, connection);
        return new DocusignTestContext(emulator, services.BuildServiceProvider(), connection);
    }

    /// <summary>Connection options for the emulator, with fast transient retries for tests.</summary>
    public static DocusignConnectionOptions ConnectionTo(DocusignEmulator emulator) => new()
    {
        ServiceUri = emulator.BaseUri,
        AccountId = emulator.AccountId,
        ClientId = emulator.Options.ClientId,
        ClientSecret = emulator.Options.ClientSecret,
        TokenEndpoint = emulator.TokenEndpoint,
        RefreshToken = emulator.Options.InitialRefreshToken,
        TransientRetryCount = 3,
        TransientRetryBaseDelay = TimeSpan.FromMilliseconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    public static void ReplaceTimeProvider(IServiceCollection services, TimeProvider timeProvider) =>
        services.Replace(ServiceDescriptor.Singleton(timeProvider));

    public IReadOnlyList<EmulatorRequestRecord> RestRequests() =>
        [.. State.Requests.Where(r => r.Path.StartsWith("/restapi", StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
