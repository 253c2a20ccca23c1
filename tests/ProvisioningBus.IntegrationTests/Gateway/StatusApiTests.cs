using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProvisioningBus.Core.Roles;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.Operations.Commands;
using RabbitMQ.Client;

namespace ProvisioningBus.IntegrationTests.Gateway;

[Collection(RabbitMqCollection.Name)]
public sealed class StatusApiTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task A_rule_whose_Docusign_connection_is_disabled_shows_Inactive_with_the_reason_in_the_status_api()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, new Dictionary<string, string?>
        {
            ["State:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"provisioningbus-status-{Guid.NewGuid():N}.db")}",
            ["Docusign:Connections:demo:Enabled"] = "false",
            ["Docusign:Connections:hr:Enabled"] = "false",
            ["Docusign:Connections:sales:AccountId"] = "sales-account",
            ["Outbound:Rules:people:TargetConnection"] = "demo",
            ["Outbound:Rules:sellers:TargetConnection"] = "sales",
            ["Inbound:Rules:staff:SourceConnection"] = "hr",
        });
        using var client = gateway.CreateAdminClient();

        var report = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/status", UriKind.Relative));
        var people = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/status/rules/people", UriKind.Relative));

        var rules = report.GetProperty("rules").EnumerateArray().ToDictionary(rule => rule.GetProperty("name").GetString()!, Shown);
        Assert.Equal(("Inactive", "connection demo is disabled"), rules["people"]);
        Assert.Equal(("Inactive", "connection hr is disabled"), rules["staff"]);
        Assert.Equal(("Active", null), rules["sellers"]);
        Assert.Equal(("Inactive", "connection demo is disabled"), Shown(people));
        Assert.Equal("demo", people.GetProperty("connection").GetString());
        Assert.True(people.GetProperty("enabled").GetBoolean(), "the rule's own toggle stays on: only its connection is off");
    }

    [Fact]
    public async Task Queue_depths_come_from_the_broker_and_name_the_role_that_consumes_each_queue()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using (var connection = await BrokerConnection.OpenAsync(vhost.AmqpUri.ToString(), CancellationToken.None))
        await using (var channel = await connection.CreateChannelAsync())
        {
            foreach (var queue in new[] { RoleQueues.MembershipChanges, RoleQueues.UserChanges + "_error", "someone-elses-queue" })
            {
                await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
            }

            for (var i = 0; i < 3; i++)
            {
                await channel.BasicPublishAsync("", RoleQueues.UserChanges + "_error", Encoding.UTF8.GetBytes("{}"));
            }
        }

        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, new Dictionary<string, string?>
        {
            ["State:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"provisioningbus-status-{Guid.NewGuid():N}.db")}",
        });
        using var client = gateway.CreateAdminClient();

        // The management API's message counts are refreshed every few seconds.
        var queues = await Eventually.MatchesAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/status", UriKind.Relative))).GetProperty("queues").EnumerateArray()
                .ToDictionary(queue => queue.GetProperty("name").GetString()!, queue => (Role: queue.GetProperty("role").GetString(), Messages: queue.GetProperty("messages").GetInt64())),
            found => found.TryGetValue(RoleQueues.UserChanges + "_error", out var errors) && errors.Messages == 3,
            TimeSpan.FromSeconds(30),
            "the status API shows the dead letters waiting in the users role's error queue");
        Assert.Equal(("users", 3L), queues[RoleQueues.UserChanges + "_error"]);
        Assert.Equal(("memberships", 0L), queues[RoleQueues.MembershipChanges]);
        Assert.Equal((null, 0L), queues["someone-elses-queue"]);
    }

    private static (string? Status, string? Reason) Shown(JsonElement rule) =>
        (rule.GetProperty("status").GetString(), rule.GetProperty("statusReason").GetString());
}
