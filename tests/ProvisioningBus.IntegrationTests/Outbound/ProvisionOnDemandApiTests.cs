using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PingOne.Emulator.Directory;
using ProvisioningBus.IntegrationTests.Infrastructure;

namespace ProvisioningBus.IntegrationTests.Outbound;

[Collection(RabbitMqCollection.Name)]
public sealed class ProvisionOnDemandApiTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task The_admin_api_provisions_a_user_through_a_users_worker_and_answers_with_its_steps()
    {
        await using var scenario = await OutboundScenario.StartAsync(broker);
        using var admin = scenario.Gateway.CreateAdminClient();
        var email = $"now-{Guid.NewGuid():N}@example.com";
        var user = scenario.PingOne.State.CreateUser($"now.{Guid.NewGuid():N}", email, new EmulatedUserName("Now", "Please"), title: "Engineer");
        await Eventually.MatchesAsync(() => scenario.Docusign.State.FindUsersByEmail(email), found => found.Count > 0, TimeSpan.FromSeconds(60), "the webhook provisions the user");

        var preview = await PostAsync(admin, OutboundScenario.RuleName, new { user = email, dryRun = true });
        var run = await PostAsync(admin, OutboundScenario.RuleName, new { user = user.Id });
        var unknownRule = await admin.PostAsJsonAsync(new Uri("/api/rules/nope/provision", UriKind.Relative), new { user = user.Id });
        using var anonymous = new HttpClient { BaseAddress = scenario.Gateway.BaseAddress };
        var unauthenticated = await anonymous.PostAsJsonAsync(new Uri($"/api/rules/{OutboundScenario.RuleName}/provision", UriKind.Relative), new { user = user.Id });

        Assert.Equal(("Planned", "Unchanged"), (Text(preview, "result"), Text(preview, "outcome")));
        Assert.Equal(["pingone.read", "scope", "mapping", "docusign.lookup", "decision"], Steps(preview));
        Assert.Equal(("Synced", "Unchanged", user.Id), (Text(run, "result"), Text(run, "outcome"), Text(run, "pingOneUserId")));
        Assert.Equal(["pingone.read", "scope", "mapping", "docusign.lookup", "decision", "docusign.write"], Steps(run));
        Assert.Single(scenario.Docusign.State.FindUsersByEmail(email));
        Assert.Equal(HttpStatusCode.NotFound, unknownRule.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task Without_a_users_worker_the_provision_api_answers_504_after_the_configured_timeout()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        var settings = new Dictionary<string, string?>
        {
            ["State:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"provisioningbus-provision-{Guid.NewGuid():N}.db")}",
            ["Outbound:Rules:people:TargetConnection"] = "demo",
            ["Gateway:Admin:ProvisionTimeout"] = "00:00:02",
        };
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, settings);
        using var admin = gateway.CreateAdminClient();

        using var response = await admin.PostAsJsonAsync(new Uri("/api/rules/people/provision", UriKind.Relative), new { user = "nobody@example.com" });

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("No worker with the users role answered within 2 s (Gateway:Admin:ProvisionTimeout)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        settings["Gateway:Admin:ProvisionTimeout"] = "00:00:00";
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(async () => await (await RunningGateway.StartAsync(vhost.AmqpUri, settings)).DisposeAsync());
        Assert.Contains("Gateway:Admin:ProvisionTimeout must be above zero", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> PostAsync(HttpClient admin, string rule, object body)
    {
        var response = await admin.PostAsJsonAsync(new Uri($"/api/rules/{rule}/provision", UriKind.Relative), body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string?> Steps(JsonElement report) =>
        [.. report.GetProperty("steps").EnumerateArray().Select(step => step.GetProperty("name").GetString())];

    private static string? Text(JsonElement report, string property) => report.GetProperty(property).GetString();
}
