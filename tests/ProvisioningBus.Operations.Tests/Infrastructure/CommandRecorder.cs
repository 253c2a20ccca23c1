using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Messaging;

namespace ProvisioningBus.Operations.Tests.Infrastructure;

/// <summary>A bus on the test's virtual host that records the commands the CLI publishes and the user changes the gateway publishes.</summary>
public sealed class CommandRecorder : IAsyncDisposable
{
    private readonly IHost host;
    private readonly ConcurrentQueue<object> received;

    private CommandRecorder(IHost host, ConcurrentQueue<object> received)
    {
        this.host = host;
        this.received = received;
    }

    public IReadOnlyList<object> Messages => [.. received];

    public static async Task<CommandRecorder> StartAsync(Uri amqpUri)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration["RabbitMq:Uri"] = amqpUri.ToString();
        var received = new ConcurrentQueue<object>();
        builder.Services.AddSingleton(received);
        builder.Services.AddProvisioningBus(builder.Configuration, bus =>
        {
            bus.AddConsumer<Recorder<SyncRule>>().Endpoint(e => e.Name = "recorded-sync-rule");
            bus.AddConsumer<Recorder<ApproveInboundDeletions>>().Endpoint(e => e.Name = "recorded-approvals");
            bus.AddConsumer<Recorder<PingOneUserChanged>>().Endpoint(e => e.Name = "recorded-user-changes");
        });
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return new CommandRecorder(host, received);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    public sealed class Recorder<T>(ConcurrentQueue<object> received) : IConsumer<T>
        where T : class
    {
        public Task Consume(ConsumeContext<T> context)
        {
            received.Enqueue(context.Message);
            return Task.CompletedTask;
        }
    }
}
