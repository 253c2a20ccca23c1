using Docusign.Emulator;
using ProvisioningBus.Drills.Tests.Infrastructure;

namespace ProvisioningBus.Drills.Tests.Drills;

[Collection(DrillsCollection.Name)]
public sealed class WorkerKillDrill(RabbitMqFixture broker)
{
    [Fact]
    public async Task A_worker_killed_mid_batch_leaves_its_unacked_changes_to_the_next_worker_which_applies_each_once()
    {
        // Docusign latency keeps many changes in flight (prefetched, partly applied) when the kill comes.
        await using var drill = await OutboundDrill.StartAsync(
            broker,
            new DocusignEmulatorOptions { Faults = new EmulatorFaultSettings { Latency = TimeSpan.FromMilliseconds(100) } },
            onPostgres: true);
        using var admin = new BrokerAdmin(broker);
        // Batches of 10: the 300 changes take 30 bulk calls of 100 ms, so the kill lands between them.
        drill.Settings["Outbound:Users:BatchMessageLimit"] = "10";
        drill.Settings["Outbound:Users:BatchConcurrencyLimit"] = "1";
        var first = await drill.StartWorkerProcessAsync();

        drill.CreateUsers("kill", 300);
        await Eventually.MatchesAsync(() => drill.Docusign.State.Users.Count, count => count > 40, TimeSpan.FromSeconds(60), "the first worker is applying the batch");
        await first.KillAsync();
        var appliedAtKill = drill.Docusign.State.Users.Count - 1;
        // The broker's queue statistics are sampled every few seconds: wait for them to show the dead worker's deliveries back in the queue.
        var held = await Eventually.MatchesAsync(
            () => admin.QueueAsync(drill.VirtualHost.Name, "user-changes"),
            depth => depth is { Ready: > 0, Unacknowledged: 0 },
            TimeSpan.FromSeconds(20),
            "the killed worker's deliveries return to the queue");

        await drill.StartWorkerAsync();

        await drill.AssertConvergedAsync(TimeSpan.FromSeconds(120), "the second worker applies what the killed one left");
        Assert.True(appliedAtKill < 300, $"the kill came mid-batch ({appliedAtKill} applied, {held} held)");
        Assert.Equal(300, drill.Docusign.State.Users.Count(user => user.Email.EndsWith("@drill.example", StringComparison.Ordinal)));
    }
}
