using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Messaging;

namespace ProvisioningBus.IntegrationTests.Infrastructure;

/// <summary>A bus on the test's virtual host that records every PingOne change the gateway publishes.</summary>
public sealed class RecordingBus : IAsyncDisposable
{
    private readonly IHost host;

    private RecordingBus(IHost host)
    {
        this.host = host;
        Users = host.Services.GetRequiredService<MessageRecorder<PingOneUserChanged>>();
        Groups = host.Services.GetRequiredService<MessageRecorder<PingOneGroupChanged>>();
        Memberships = host.Services.GetRequiredService<MessageRecorder<PingOneMembershipChanged>>();
    }

    public MessageRecorder<PingOneUserChanged> Users { get; }

    public MessageRecorder<PingOneGroupChanged> Groups { get; }

    public MessageRecorder<PingOneMembershipChanged> Memberships { get; }

    public static async Task<RecordingBus> StartAsync(Uri amqpUri)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["RabbitMq:Uri"] = amqpUri.ToString();
        builder.Services.AddSingleton<MessageRecorder<PingOneUserChanged>>();
        builder.Services.AddSingleton<MessageRecorder<PingOneGroupChanged>>();
        builder.Services.AddSingleton<MessageRecorder<PingOneMembershipChanged>>();
        builder.Services.AddProvisioningBus(builder.Configuration, bus =>
        {
            bus.AddConsumer<RecordingConsumer<PingOneUserChanged>>().Endpoint(e => e.Name = "recorded-user-changes");
            bus.AddConsumer<RecordingConsumer<PingOneGroupChanged>>().Endpoint(e => e.Name = "recorded-group-changes");
            bus.AddConsumer<RecordingConsumer<PingOneMembershipChanged>>().Endpoint(e => e.Name = "recorded-membership-changes");
        });
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return new RecordingBus(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
