using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Core.Roles;
using ProvisioningBus.Outbound;

namespace ProvisioningBus.Testing;

/// <summary>
/// The real outbound services and consumers (with their definitions: partitioning, batching, retries) on MassTransit's
/// in-memory test harness instead of RabbitMQ: for what a consumer does with a message, not for what the broker does.
/// PingOne, Docusign and the state store stay real (emulators over HTTP, a SQLite or PostgreSQL store).
/// </summary>
public sealed class HarnessedOutboundWorker : IAsyncDisposable
{
    /// <summary>How long a test waits for a consumption before it fails.</summary>
    public static readonly TimeSpan ConsumeTimeout = TimeSpan.FromSeconds(45);

    private readonly IHost host;

    private HarnessedOutboundWorker(IHost host)
    {
        this.host = host;
        Harness = host.Services.GetTestHarness();
    }

    public IServiceProvider Services => host.Services;

    public ITestHarness Harness { get; }

    public static async Task<HarnessedOutboundWorker> StartAsync(IDictionary<string, string?> settings, WorkerRoles roles = WorkerRoles.Outbound)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddOutbound(registerBus: false, roles);
        builder.Services.AddMassTransitTestHarness(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.AddOutboundConsumers(roles);
        });

        // The harness's lists end a wait at its inactivity timeout (1.2 s by default), which a retry back-off or a
        // batch window outlasts; every wait here has its own deadline instead.
        builder.Services.Configure<TestHarnessOptions>(options =>
        {
            options.TestTimeout = TimeSpan.FromMinutes(5);
            options.TestInactivityTimeout = TimeSpan.FromMinutes(5);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new HarnessedOutboundWorker(host);
    }

    public Task PublishAsync<T>(T message)
        where T : class => Harness.Bus.Publish(message);

    /// <summary>Waits until <typeparamref name="TConsumer"/> has consumed, without a fault, a message matching <paramref name="match"/>.</summary>
    public async Task ConsumedAsync<TConsumer, TMessage>(Func<TMessage, bool> match, string because)
        where TConsumer : class, IConsumer
        where TMessage : class
    {
        using var deadline = new CancellationTokenSource(ConsumeTimeout);
        var consumed = Harness.GetConsumerHarness<TConsumer>().Consumed;
        if (!await consumed.Any<TMessage>(received => received.Exception is null && match(received.Context.Message), deadline.Token))
        {
            throw new TimeoutException(
                $"Not within {ConsumeTimeout}: {because}. {typeof(TConsumer).Name} consumed no matching {typeof(TMessage).Name} without a fault; it consumed [{string.Join("; ", await SeenAsync<TMessage>(consumed))}].");
        }
    }

    /// <summary>What a consumer did consume, and how each attempt ended: what a failing test needs to show.</summary>
    private static async Task<List<string>> SeenAsync<TMessage>(IReceivedMessageList consumed)
        where TMessage : class
    {
        var seen = new List<string>();
        using var enough = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        try
        {
            await foreach (var received in consumed.SelectAsync<TMessage>(_ => true, enough.Token))
            {
                seen.Add($"{received.Context.Message} → {received.Exception?.GetType().Name ?? "ok"} {received.Exception?.Message}");
            }
        }
        catch (OperationCanceledException)
        {
            // The list waits for more; what arrived until now is all there is to show.
        }

        return seen;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
