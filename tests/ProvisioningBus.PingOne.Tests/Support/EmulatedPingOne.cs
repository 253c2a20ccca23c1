using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using PingOne.Emulator;
using Polly;
using ProvisioningBus.PingOne.Connection;

namespace ProvisioningBus.PingOne.Tests.Support;

/// <summary>An emulator plus a DI-built <see cref="IPingOneClient"/> pointed at it, one per test.</summary>
internal sealed class EmulatedPingOne : IAsyncDisposable
{
    private EmulatedPingOne(PingOneEmulator emulator, ServiceProvider services)
    {
        Emulator = emulator;
        Services = services;
        Client = services.GetRequiredService<IPingOneClient>();
    }

    public PingOneEmulator Emulator { get; }

    public ServiceProvider Services { get; }

    public IPingOneClient Client { get; }

    public PingOneConnectionOptions Connection => Services.GetRequiredService<PingOneConnectionOptions>();

    public static async Task<EmulatedPingOne> StartAsync(PingOneEmulatorOptions? options = null)
    {
        var emulator = await PingOneEmulator.StartAsync(options ?? new PingOneEmulatorOptions());
        var services = new ServiceCollection();
        services.AddPingOneClient(ConnectionTo(emulator), FastRetries);
        return new EmulatedPingOne(emulator, services.BuildServiceProvider());
    }

    public static PingOneConnectionOptions ConnectionTo(PingOneEmulator emulator) => new()
    {
        ApiBaseUri = emulator.ApiBaseUri,
        AuthBaseUri = emulator.AuthBaseUri,
        EnvironmentId = emulator.EnvironmentId,
        ClientId = emulator.ClientId,
        ClientSecret = emulator.ClientSecret,
    };

    public static void FastRetries(HttpStandardResilienceOptions resilience)
    {
        resilience.Retry.Delay = TimeSpan.FromMilliseconds(5);
        resilience.Retry.BackoffType = DelayBackoffType.Constant;
        resilience.Retry.UseJitter = false;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
