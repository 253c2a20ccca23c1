using Docusign.Emulator;
using PingOne.Emulator;
using Xunit.Abstractions;

namespace ProvisioningBus.Deployment.Tests;

/// <summary>
/// Three user worker processes on one broker, one PostgreSQL database and one Docusign account whose burst limit is
/// tight: the deployment spends one budget (no 429 at all, where each process pacing itself on the headers alone drew
/// them) and redeems one rotating refresh-token chain (no refused redemption), and every user is created exactly once.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class SharedBudgetDrillTests(RabbitMqFixture broker, ITestOutputHelper output)
{
    private const string Rule = "budget";
    private const int UserCount = 300;
    private static readonly TimeSpan BurstWindow = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Three_worker_processes_share_one_account_budget_and_one_token_chain_without_a_429_or_a_refused_refresh()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        // Tokens live 5 s, so the processes refresh the one chain again and again while they work.
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions
        {
            BurstLimit = 8,
            BurstWindow = BurstWindow,
            AccessTokenLifetime = TimeSpan.FromSeconds(5),
            RequestLogCapacity = 100_000,
        });
        await using var pingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        var postgres = await PostgresDatabases.CreateAsync();
        try
        {
            var settings = OutboundWorkerSettings.For(vhost.AmqpUri, pingOne, docusign, Rule, postgres);
            settings[$"Docusign:Connections:{OutboundWorkerSettings.ConnectionName}:BurstWindow"] = BurstWindow.ToString();
            // Small batches make many bulk calls, so the budget, not the work, sets the pace.
            settings["Outbound:Users:BatchMessageLimit"] = "10";

            await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, settings);
            pingOne.AddSubscription(new EmulatedSubscriptionOptions
            {
                Url = gateway.WebhookUri.ToString(),
                Headers = new Dictionary<string, string> { ["X-Webhook-Secret"] = RunningGateway.WebhookSecret },
            });
            await using var first = await ServiceProcess.StartWorkerAsync(settings, "users", Timeout);
            await using var second = await ServiceProcess.StartWorkerAsync(settings, "users", Timeout);
            await using var third = await ServiceProcess.StartWorkerAsync(settings, "users", Timeout);

            var started = DateTimeOffset.UtcNow;
            for (var i = 0; i < UserCount; i++)
            {
                pingOne.State.CreateUser($"budget.{i}", $"budget.{i}@budget.example", title: "Engineer");
            }

            await Eventually.MatchesAsync(
                () => Task.FromResult(docusign.State.Users.Count(user => user.Email.EndsWith("@budget.example", StringComparison.Ordinal))),
                count => count >= UserCount,
                Timeout,
                "every user is created in Docusign");
            var elapsed = DateTimeOffset.UtcNow - started;

            var created = docusign.State.Users.Where(user => user.Email.EndsWith("@budget.example", StringComparison.Ordinal)).ToList();
            Assert.Equal(UserCount, created.Select(user => user.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Equal(UserCount, created.Count);

            var rest = docusign.State.Requests.Where(request => request.Path.Contains("/restapi/", StringComparison.Ordinal)).ToList();
            var refused = rest.Count(request => request.StatusCode == 429);
            output.WriteLine($"{UserCount} creations by 3 processes in {elapsed.TotalSeconds:0.0} s: {rest.Count} Docusign calls, {refused} answered 429; " +
                $"{docusign.State.RefreshCount} refreshes of the chain, {docusign.State.TokenRequestCount} token requests");
            Assert.Equal(0, refused);
            Assert.True(docusign.State.RefreshCount >= 3, $"each process redeemed the chain (refreshes: {docusign.State.RefreshCount})");
            Assert.Equal(docusign.State.TokenRequestCount, docusign.State.RefreshCount);
        }
        finally
        {
            await PostgresDatabases.DropAsync(postgres);
        }
    }
}
