using Docusign.Emulator;
using PingOne.Emulator;

namespace ProvisioningBus.Deployment.Tests;

[Collection(DeploymentCollection.Name)]
public sealed class WorkerRoleTests(RabbitMqFixture broker)
{
    private const string Rule = "roles";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Each_role_process_consumes_only_its_own_queues_and_together_they_apply_a_membership_end_to_end_on_one_token_chain()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        await using var pingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        var postgres = await PostgresDatabases.CreateAsync();
        try
        {
            var group = pingOne.State.CreateGroup("Role Testers");
            var settings = OutboundWorkerSettings.For(vhost.AmqpUri, pingOne, docusign, Rule, postgres);
            settings[$"Outbound:Rules:{Rule}:GroupsToPush:0"] = group.Id;

            await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, settings);
            pingOne.AddSubscription(new EmulatedSubscriptionOptions
            {
                Url = gateway.WebhookUri.ToString(),
                Headers = new Dictionary<string, string> { ["X-Webhook-Secret"] = RunningGateway.WebhookSecret },
            });
            await using var users = await ServiceProcess.StartWorkerAsync(settings, "users", Timeout);
            await using var groupsAndMemberships = await ServiceProcess.StartWorkerAsync(settings, "groups,memberships", Timeout);

            // The management API samples consumers: wait until both processes' consumers are listed.
            var consumers = await Eventually.MatchesAsync(
                vhost.ConsumersAsync,
                listed => listed.All(consumer => consumer.ConnectionName.Length > 0)
                    && listed.Any(consumer => consumer.Queue == "user-changes")
                    && listed.Any(consumer => consumer.Queue == "group-changes")
                    && listed.Any(consumer => consumer.Queue == "membership-changes"),
                Timeout,
                "the user, group and membership queues each have a consumer");
            Assert.All(consumers.Where(consumer => consumer.Queue == "user-changes"), consumer => Assert.True(IsOf(consumer, users), $"{consumer} belongs to the users process"));
            Assert.All(
                consumers.Where(consumer => consumer.Queue is "group-changes" or "membership-changes"),
                consumer => Assert.True(IsOf(consumer, groupsAndMemberships), $"{consumer} belongs to the groups,memberships process"));
            Assert.DoesNotContain(consumers, consumer => IsOf(consumer, users) && consumer.Queue is "group-changes" or "membership-changes");
            Assert.DoesNotContain(consumers, consumer => IsOf(consumer, groupsAndMemberships) && consumer.Queue == "user-changes");
            Assert.DoesNotContain(consumers, consumer => consumer.Queue == "outbound-sync-rule");

            // The group existed before the subscription (its id is in the rule), so a rename is its first event.
            var renamed = pingOne.State.RenameGroup(group.Id, "Role Testers (renamed)");
            var user = pingOne.State.CreateUser("role.member", "role.member@roles.example", title: "Engineer");
            pingOne.State.AddMember(user.Id, group.Id);

            var member = await Diagnosed(() => Eventually.MatchesAsync(
                () => docusign.State.FindGroupByName(renamed.Name) is { } pushed
                    ? docusign.State.GetGroupMemberIds(pushed.GroupId).Select(docusign.State.FindUser).FirstOrDefault()
                    : null,
                found => found is not null,
                Timeout,
                "the user is a member of the pushed group in Docusign"),
                () => $"Docusign users: {string.Join(", ", docusign.State.Users.Select(u => u.Email))}; groups: {string.Join(", ", docusign.State.Groups.Select(g => g.GroupName))}\n" +
                    $"users process:\n{users.Output}\ngroups,memberships process:\n{groupsAndMemberships.Output}");
            Assert.Equal("role.member@roles.example", member!.Email);

            // Both processes needed a token from one rotating refresh-token chain: each redemption was granted, none
            // refused as a spent token (invalid_grant), because redeeming it is serialised across processes.
            Assert.True(docusign.State.RefreshCount >= 2, $"each process redeemed the chain (refreshes: {docusign.State.RefreshCount})");
            Assert.Equal(docusign.State.TokenRequestCount, docusign.State.RefreshCount);
        }
        finally
        {
            await PostgresDatabases.DropAsync(postgres);
        }
    }

    /// <summary>On a timeout, says what each side holds and what the worker processes logged.</summary>
    private static async Task<T> Diagnosed<T>(Func<Task<T>> wait, Func<string> state)
    {
        try
        {
            return await wait();
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\n{state()}", timeout);
        }
    }

    private static bool IsOf(QueueConsumer consumer, ServiceProcess process) =>
        consumer.ConnectionName.EndsWith($":{process.Id}", StringComparison.Ordinal);
}
