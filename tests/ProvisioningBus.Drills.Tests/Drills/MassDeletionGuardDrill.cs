using Docusign.Emulator;
using MassTransit;
using PingOne.Emulator;
using ProvisioningBus.Docusign;
using ProvisioningBus.Drills.Tests.Infrastructure;
using ProvisioningBus.Inbound;
using ProvisioningBus.Inbound.Sync;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Drills.Tests.Drills;

[Collection(DrillsCollection.Name)]
public sealed class MassDeletionGuardDrill(RabbitMqFixture broker)
{
    private const string Rule = "docusign-staff";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_snapshot_missing_60_percent_of_users_deletes_nobody_in_PingOne_until_approved()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        await using var pingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        var population = pingOne.State.CreatePopulation("Docusign staff").Id;
        var storeFile = Path.Combine(Path.GetTempPath(), $"provisioningbus-drill-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>
        {
            ["RabbitMq:Uri"] = vhost.AmqpUri.ToString(),
            ["State:Provider"] = "Sqlite",
            ["State:ConnectionString"] = $"Data Source={storeFile}",
            ["PingOne:ApiBaseUri"] = pingOne.ApiBaseUri.ToString(),
            ["PingOne:AuthBaseUri"] = pingOne.AuthBaseUri.ToString(),
            ["PingOne:EnvironmentId"] = pingOne.EnvironmentId,
            ["PingOne:ClientId"] = pingOne.ClientId,
            ["PingOne:ClientSecret"] = pingOne.ClientSecret,
            [$"Inbound:Rules:{Rule}:SyncOnlyActiveUsers"] = "true",
            // The account's administrator is no clerk: the rule takes exactly the ten staff.
            [$"Inbound:Rules:{Rule}:UserFilter:Conditions:0:Attribute"] = "jobTitle",
            [$"Inbound:Rules:{Rule}:UserFilter:Conditions:0:Value"] = "Clerk",
        };
        InboundRule.AddTo(settings, Rule, "demo", docusign, pingOne, population);
        var staff = Enumerable.Range(1, 10)
            .Select(i => docusign.State.SeedUser($"Staff Member{i:D2}", $"staff{i:D2}@drill.example", "Staff", $"Member{i:D2}", "Clerk"))
            .ToList();

        await using var worker = await InProcessService.StartAsync(settings, builder => builder.AddInbound(), null, new DrillObservers());
        await Eventually.MatchesAsync(ProvisionedCount, count => count == 10, Timeout, "the initial sync provisions the ten users");
        AssertPingOneHolds(staff);
        var store = worker.Services.GetRequiredService<ProvisioningBus.State.IProvisioningStore>();
        await Eventually.MatchesAsync(
            () => store.InboundLinks.ListByRuleAsync(Rule, CancellationToken.None).CountAsync().AsTask(),
            links => links == 10,
            Timeout,
            "the consumer links the ten users it created (the guard counts links)");

        // Six of ten leave the snapshot at once (closed in Docusign; the rule takes only Active users).
        var leaving = staff.Take(6).Select(user => user.UserId).ToList();
        await worker.Services.GetRequiredService<IDocusignClientProvider>().Get("demo").CloseUsersAsync(leaving, CancellationToken.None);
        var runner = worker.Services.GetRequiredService<InboundSyncRunner>();
        var guarded = await runner.RunAsync(Rule, SyncRunKind.Manual, worker.Services.GetRequiredService<IBus>(), null, CancellationToken.None);

        Assert.Equal(SyncRunStatus.AwaitingApproval, guarded.Run?.Status);
        var status = await RunningStatusReader.ReadRuleAsync(settings, Rule);
        Assert.True(status!.PendingApprovalReason?.Contains("delete 6 of 10 ", StringComparison.Ordinal), status.PendingApprovalReason);
        AssertPingOneHolds(staff);
        await pingOne.WaitForDeliveryAsync(Timeout);
        AssertPingOneHolds(staff);

        await worker.Services.GetRequiredService<InboundSyncCommands>().ApproveDeletionsAsync(Rule, status.PendingApprovalSnapshotId!.Value, "drill-operator", CancellationToken.None);

        await Eventually.MatchesAsync(ProvisionedCount, count => count == 4, Timeout, "the approved deletions are applied");
        AssertPingOneHolds(staff.Skip(6).ToList());

        int ProvisionedCount() => pingOne.State.Users().Count(user => user.PopulationId == population);

        void AssertPingOneHolds(IReadOnlyList<global::Docusign.Emulator.EmulatedUser> expected)
        {
            var provisioned = pingOne.State.Users().Where(user => user.PopulationId == population).ToList();
            Assert.Equal(expected.Count, provisioned.Count);
            foreach (var source in expected)
            {
                var target = Assert.Single(provisioned, user => user.ExternalId == source.UserId);
                Assert.Equal(source.UserName, target.Username);
                Assert.Equal(source.Email, target.Email);
                Assert.Equal(source.FirstName, target.Name?.Given);
                Assert.Equal(source.LastName, target.Name?.Family);
                Assert.Equal(source.JobTitle, target.Title);
            }
        }
    }
}
