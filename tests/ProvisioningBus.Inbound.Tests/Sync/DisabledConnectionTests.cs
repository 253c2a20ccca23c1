using ProvisioningBus.Inbound.Sync;
using ProvisioningBus.Inbound.Tests.Infrastructure;

namespace ProvisioningBus.Inbound.Tests.Sync;

[Collection(InboundBrokerCollection.Name)]
public sealed class DisabledConnectionTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task An_inbound_rule_whose_Docusign_connection_is_disabled_reads_nothing_and_provisions_nobody()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        scenario.SeedDocusignUser("Ann", "Active");
        var settings = scenario.Settings();
        settings[$"Docusign:Connections:{InboundScenario.ConnectionName}:Enabled"] = "false";
        await using var worker = await RunningInboundWorker.StartAsync(settings, null, null);

        var result = await worker.SyncNowAsync();

        Assert.Equal(InboundSyncOutcome.Disabled, result.Outcome);
        Assert.DoesNotContain(scenario.Docusign.State.Requests, request => request.Method == "GET" && request.Path.EndsWith("/users", StringComparison.Ordinal));
        Assert.Empty(scenario.ProvisionedInPingOne());
        var status = (await worker.Status.ReadAsync(CancellationToken.None)).Rules.Single(rule => rule.Name == InboundScenario.RuleName);
        Assert.Equal($"connection {InboundScenario.ConnectionName} is disabled", status.StatusReason);
    }
}
