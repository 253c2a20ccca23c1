using Docusign.Emulator;
using PingOne.Emulator;

namespace ProvisioningBus.IntegrationTests.Outbound;

[Collection(Infrastructure.RabbitMqCollection.Name)]
public sealed class QueueTopologyTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task Every_outbound_queue_is_a_durable_quorum_queue()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        await using var pingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        await using var worker = await RunningOutboundWorker.StartAsync(OutboundWorkerSettings.For(vhost.AmqpUri, pingOne, docusign, "topology"));

        foreach (var queue in new[] { "user-changes", "group-changes", "membership-changes", "outbound-sync-rule" })
        {
            Assert.Equal("quorum", await vhost.QueueTypeAsync(queue));
        }
    }
}
