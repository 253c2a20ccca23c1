using Docusign.Emulator;
using PingOne.Emulator;
using ProvisioningBus.Core.Roles;
using ProvisioningBus.Operations.Commands;
using ProvisioningBus.Operations.Tests.Infrastructure;

namespace ProvisioningBus.Operations.Tests.Tenants;

[Collection(OperationsCollection.Name)]
public sealed class DoctorCommandTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task Doctor_reports_0_when_ready_and_names_the_subscription_check_when_it_is_deleted_or_the_secret_is_wrong()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var key = new RsaKeyFile();
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions { JwtPublicKeyPem = key.PublicKeyPem });
        docusign.Consents.ImpersonationConsented = true;
        await using var pingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        using var database = new TemporaryDatabase();
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, new Dictionary<string, string?> { ["State:ConnectionString"] = database.ConnectionString });
        var settings = Ready(docusign, pingOne, database, vhost.AmqpUri, gateway.WebhookUri);
        // A second connection on the JWT grant: doctor checks every connection, whichever its grant.
        foreach (var (name, value) in JwtGrantTests.JwtSettings(docusign, database, key.Path).Where(s => s.Key.StartsWith("Docusign:Connections:demo:", StringComparison.Ordinal)))
        {
            settings[name.Replace(":demo:", ":signing:", StringComparison.Ordinal)] = value;
        }
        foreach (var queue in RoleQueues.For(WorkerRoles.Users))
        {
            await DeclareQueueAsync(vhost.AmqpUri, queue);
        }

        var subscribed = await CliRun.InvokeAsync(settings, "subscribe", "pingone");
        var healthy = await CliRun.InvokeAsync(settings, "doctor");
        var wrongSecret = new Dictionary<string, string?>(settings) { ["Gateway:Webhook:Secret"] = "another-secret-of-sufficient-length" };
        var secretMismatch = await CliRun.InvokeAsync(wrongSecret, "doctor");
        await CliRun.InvokeAsync(settings, "subscribe", "pingone", "--delete");
        var deleted = await CliRun.InvokeAsync(settings, "doctor");

        Assert.Equal(ExitCodes.Success, subscribed.ExitCode);
        Assert.True(healthy.ExitCode == 0, healthy.Output + healthy.Error);
        Assert.Contains("Ready.", healthy.Output, StringComparison.Ordinal);
        Assert.Contains("ok    Docusign 'demo' rate limits: X-RateLimit headers present", healthy.Output, StringComparison.Ordinal);
        Assert.Contains("ok    Docusign 'signing': JWT grant: token issued", healthy.Output, StringComparison.Ordinal);
        Assert.Contains("ok    Docusign 'signing' rate limits: X-RateLimit headers present", healthy.Output, StringComparison.Ordinal);

        Assert.Equal(1, secretMismatch.ExitCode);
        var mismatch = Assert.Single(secretMismatch.Output.Split('\n'), line => line.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.StartsWith("FAIL  PingOne subscription:", mismatch, StringComparison.Ordinal);
        Assert.Contains("header is not Gateway:Webhook:Secret", mismatch, StringComparison.Ordinal);
        Assert.DoesNotContain(RunningGateway.WebhookSecret, secretMismatch.Output, StringComparison.Ordinal);

        Assert.Equal(1, deleted.ExitCode);
        var missing = Assert.Single(deleted.Output.Split('\n'), line => line.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.StartsWith("FAIL  PingOne subscription: no subscription named 'ProvisioningBus'", missing, StringComparison.Ordinal);
        Assert.Contains("run `subscribe pingone`", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_counts_each_failed_check_and_names_the_missing_queues_and_an_unreachable_gateway()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        await using var pingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = Ready(docusign, pingOne, database, vhost.AmqpUri, new Uri("http://127.0.0.1:9/webhooks/pingone"));

        var run = await CliRun.InvokeAsync(settings, "doctor");

        var failures = run.Output.Split('\n').Where(line => line.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        Assert.Equal(failures.Count, run.ExitCode);
        Assert.Contains(failures, line => line.StartsWith("FAIL  broker:", StringComparison.Ordinal) && line.Contains("user-changes", StringComparison.Ordinal));
        Assert.Contains(failures, line => line.StartsWith("FAIL  PingOne subscription:", StringComparison.Ordinal));
        Assert.Contains(failures, line => line.StartsWith("FAIL  gateway:", StringComparison.Ordinal));
        Assert.Equal(3, run.ExitCode);
    }

    private static Dictionary<string, string?> Ready(DocusignEmulator docusign, PingOneEmulator pingOne, TemporaryDatabase database, Uri amqpUri, Uri gatewayUrl)
    {
        var settings = Settings.For(docusign, database, amqpUri);
        foreach (var (key, value) in SubscribePingOneCommandTests.PingOneSettings(pingOne, gatewayUrl))
        {
            settings[key] = value;
        }

        settings["Outbound:Rules:people:SourceEnvironmentId"] = pingOne.EnvironmentId;
        settings["Worker:Roles"] = "users";
        return settings;
    }

    /// <summary>A queue a users worker declares at its first start.</summary>
    private static async Task DeclareQueueAsync(Uri amqpUri, string queue)
    {
        await using var connection = await BrokerConnection.OpenAsync(amqpUri.ToString(), CancellationToken.None);
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
    }
}
