using System.Net.Http.Json;
using System.Text.Json;
using ProvisioningBus.IntegrationTests.Infrastructure;

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

    private static (string? Status, string? Reason) Shown(JsonElement rule) =>
        (rule.GetProperty("status").GetString(), rule.GetProperty("statusReason").GetString());
}
