using ProvisioningBus.Docusign;
using ProvisioningBus.Inbound.Tests.Infrastructure;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Inbound.Tests.Users;

[Collection(InboundBrokerCollection.Name)]
public sealed class InboundProvisioningLogTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_applied_inbound_change_is_an_inbound_log_line_naming_the_PingOne_attributes_written_and_its_difference()
    {
        await using var scenario = await InboundScenario.StartAsync(broker);
        var ann = scenario.SeedDocusignUser("Ann", "Able", jobTitle: "Engineer");
        await using var worker = await scenario.StartWorkerAsync();
        await scenario.WaitForPingOneAsync(users => users.ContainsKey(ann.UserId), "Ann is provisioned");

        var create = (await LinesAsync(worker, ann.UserId, lines => lines.Any(line => line.Action == "create"), "the create is logged")).Single(line => line.Action == "create");
        await worker.Docusign.UpdateUserAsync(new DocusignUserUpdate(ann.UserId) { JobTitle = "Staff Engineer" });
        await worker.SyncNowAsync();
        var update = (await LinesAsync(worker, ann.UserId, lines => lines.Any(line => line.Action == "update"), "the update is logged")).Single(line => line.Action == "update");

        foreach (var line in new[] { create, update })
        {
            Assert.Equal((ProvisioningLogValues.Inbound, "user", ProvisioningLogValues.Success), (line.Direction, line.EntityType, line.Outcome));
            Assert.False(string.IsNullOrEmpty(line.EventId), $"the {line.Action} names the snapshot difference that triggered it");
        }

        Assert.NotEqual(create.EventId, update.EventId);
        Assert.Contains("username", create.ChangedAttributes);
        Assert.Contains("email", create.ChangedAttributes);
        Assert.Contains("title", create.ChangedAttributes);
        // Only what differed is written, and only its name is kept.
        Assert.Equal(["title"], update.ChangedAttributes);
        Assert.DoesNotContain("Staff Engineer", update.ToString(), StringComparison.Ordinal);
    }

    private static Task<IReadOnlyList<ProvisioningLogEntry>> LinesAsync(
        RunningInboundWorker worker, string docusignUserId, Func<IReadOnlyList<ProvisioningLogEntry>, bool> condition, string because) =>
        Eventually.MatchesAsync(
            async () => (await worker.Store.ProvisioningLog.QueryAsync(new ProvisioningLogQuery(InboundScenario.RuleName, docusignUserId), CancellationToken.None)).Entries,
            condition,
            Timeout,
            because);
}
