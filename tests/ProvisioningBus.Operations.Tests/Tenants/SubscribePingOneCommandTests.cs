using PingOne.Emulator;
using ProvisioningBus.Contracts;
using ProvisioningBus.Operations.Tests.Infrastructure;

namespace ProvisioningBus.Operations.Tests.Tenants;

[Collection(OperationsCollection.Name)]
public sealed class SubscribePingOneCommandTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Subscribe_pingone_twice_leaves_one_subscription_whose_webhooks_reach_the_gateway()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var recorder = await CommandRecorder.StartAsync(vhost.AmqpUri);
        using var database = new TemporaryDatabase();
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, new Dictionary<string, string?> { ["State:ConnectionString"] = database.ConnectionString });
        await using var pingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        var settings = PingOneSettings(pingOne, gateway.WebhookUri);

        var first = await CliRun.InvokeAsync(settings, "subscribe", "pingone");
        var second = await CliRun.InvokeAsync(settings, "subscribe", "pingone");
        var list = await CliRun.InvokeAsync(settings, "subscribe", "pingone", "--list");

        Assert.True(first.ExitCode == ExitCodes.Success, first.Output + first.Error);
        Assert.Contains("Created subscription 'ProvisioningBus'", first.Output, StringComparison.Ordinal);
        Assert.Contains("Updated subscription 'ProvisioningBus'", second.Output, StringComparison.Ordinal);
        Assert.Single(list.Output.Split('\n'), line => line.StartsWith("ProvisioningBus ", StringComparison.Ordinal));
        Assert.DoesNotContain(RunningGateway.WebhookSecret, first.Output + first.Error + second.Output + list.Output, StringComparison.Ordinal);
        // The emulator's loopback gateway is plain http on 127.0.0.1: exactly what the warnings are for.
        Assert.Contains("is not HTTPS", first.Error, StringComparison.Ordinal);
        Assert.Contains("does not look publicly reachable", first.Error, StringComparison.Ordinal);

        var ada = pingOne.State.CreateUser("ada", "ada@example.com");
        using var http = new HttpClient();
        await Eventually.MatchesAsync(
            async () => await http.GetStringAsync(new Uri(pingOne.BaseUri, "_emulator/subscriptions")),
            (string _) => pingOne.DeliveredEventCount >= 1,
            Timeout,
            "the gateway accepts (200) the subscription's webhook");
        var changed = await Eventually.MatchesAsync(() => recorder.Messages.OfType<PingOneUserChanged>().ToList(), changes => changes.Count >= 1, Timeout, "the gateway publishes the user change");
        Assert.Equal(ada.Id, changed[0].UserId);
    }

    [Fact]
    public async Task Subscribe_pingone_delete_removes_it_and_a_full_environment_is_explained()
    {
        await using var pingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        var settings = PingOneSettings(pingOne, new Uri("https://provisioning.example.com/webhooks/pingone"));

        var created = await CliRun.InvokeAsync(settings, "subscribe", "pingone");
        var deleted = await CliRun.InvokeAsync(settings, "subscribe", "pingone", "--delete");
        var again = await CliRun.InvokeAsync(settings, "subscribe", "pingone", "--delete");
        for (var i = 0; i < 50; i++)
        {
            pingOne.AddSubscription(new EmulatedSubscriptionOptions { Name = $"other-{i}", Url = "https://elsewhere.example.com/hook", Enabled = false });
        }

        var full = await CliRun.InvokeAsync(settings, "subscribe", "pingone");

        Assert.Equal(ExitCodes.Success, created.ExitCode);
        Assert.Equal("", created.Error);
        Assert.Equal(ExitCodes.Success, deleted.ExitCode);
        Assert.Equal(ExitCodes.NotFound, again.ExitCode);
        Assert.Equal(ExitCodes.RemoteFailure, full.ExitCode);
        Assert.Contains("at most 50", full.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_pingone_sets_verifyTlsCertificates_unless_insecure_demo()
    {
        await using var pingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        var settings = PingOneSettings(pingOne, new Uri("https://provisioning.example.com/webhooks/pingone"));

        await CliRun.InvokeAsync(settings, "subscribe", "pingone");
        using var http = new HttpClient();
        var verified = await http.GetStringAsync(new Uri(pingOne.BaseUri, "_emulator/subscriptions"));
        await CliRun.InvokeAsync(settings, "subscribe", "pingone", "--insecure-demo");
        var insecure = await http.GetStringAsync(new Uri(pingOne.BaseUri, "_emulator/subscriptions"));

        Assert.True(VerifyTls(verified));
        Assert.False(VerifyTls(insecure));
    }

    private static bool VerifyTls(string inspection) =>
        System.Text.Json.JsonDocument.Parse(inspection).RootElement.EnumerateArray().Single().GetProperty("verifyTlsCertificates").GetBoolean();

    internal static Dictionary<string, string?> PingOneSettings(PingOneEmulator pingOne, Uri gatewayUrl) => new()
    {
        ["PingOne:ApiBaseUri"] = pingOne.ApiBaseUri.ToString(),
        ["PingOne:AuthBaseUri"] = pingOne.AuthBaseUri.ToString(),
        ["PingOne:EnvironmentId"] = pingOne.EnvironmentId,
        ["PingOne:ClientId"] = pingOne.ClientId,
        ["PingOne:ClientSecret"] = pingOne.ClientSecret,
        ["Gateway:Webhook:Secret"] = RunningGateway.WebhookSecret,
        ["Gateway:Webhook:PublicUrl"] = gatewayUrl.ToString(),
    };
}
