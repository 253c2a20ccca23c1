using System.Diagnostics;
using Docusign.Emulator;
using ProvisioningBus.Drills.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProvisioningBus.Drills.Tests.Drills;

[Collection(BrokerOutageCollection.Name)]
public sealed class BrokerOutageDrill(RabbitMqFixture broker, ITestOutputHelper output)
{
    [Fact]
    public async Task RabbitMQ_stopped_mid_burst_for_30_s_with_two_worker_processes_loses_no_change_dead_letters_none_and_readiness_follows()
    {
        const int Users = 300;
        const int DuringOutage = 100;
        var outageLength = TimeSpan.FromSeconds(30);
        // Docusign latency keeps both workers' slots busy, so the outage meets changes in flight.
        await using var drill = await OutboundDrill.StartAsync(
            broker,
            new DocusignEmulatorOptions { Faults = new EmulatorFaultSettings { Latency = TimeSpan.FromMilliseconds(100) } },
            onPostgres: true);
        await drill.StartWorkerProcessAsync();
        await drill.StartWorkerProcessAsync();
        using var gateway = drill.CreateWebhookClient(secret: null);
        var ready = new Uri("/health/ready", UriKind.Relative);

        var clock = Stopwatch.StartNew();
        drill.CreateUsers("burst", Users);
        await Eventually.MatchesAsync(() => DrillUsers(drill), count => count > 40, TimeSpan.FromSeconds(60), "the workers are applying the burst");
        var appliedAtStop = DrillUsers(drill);
        int readyDuringOutage;
        await using (var outage = await broker.StopBrokerAsync())
        {
            readyDuringOutage = await Eventually.MatchesAsync(() => StatusOfAsync(gateway, ready), status => status == 503, TimeSpan.FromSeconds(30), "the gateway is not ready while the broker is down");
            // PingOne keeps changing meanwhile; the gateway refuses the batches and PingOne delivers them again later.
            drill.CreateUsers("outage", DuringOutage);
            await Task.Delay(outageLength);
        }

        var restartedAt = clock.Elapsed;
        var readyAfter = await Eventually.MatchesAsync(() => StatusOfAsync(gateway, ready), status => status == 200, TimeSpan.FromSeconds(60), "the gateway is ready again");
        await drill.AssertConvergedAsync(TimeSpan.FromSeconds(180), "after RabbitMQ restarts every change is applied");
        var converged = clock.Elapsed;
        var deadLettered = await DrillCli.DeadLetteredAsync(drill, "user-changes");

        output.WriteLine(
            $"users: {Users + DuringOutage} ({DuringOutage} created during the outage); applied when RabbitMQ stopped: {appliedAtStop}; outage: {outageLength.TotalSeconds:0} s; " +
            $"gateway ready: {readyDuringOutage} during, {readyAfter} after; converged {(converged - restartedAt).TotalSeconds:0.0} s after the restart " +
            $"({converged.TotalSeconds:0.0} s from the first change); dead-lettered: {deadLettered}");
        Assert.True(appliedAtStop < Users, $"the outage came mid-burst ({appliedAtStop} of {Users} applied)");
        var emails = drill.Docusign.State.Users.Where(IsDrillUser).Select(user => user.Email).ToList();
        Assert.Equal(Users + DuringOutage, emails.Count);
        Assert.Equal(Users + DuringOutage, emails.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(0, deadLettered);
    }

    [Fact]
    public async Task A_broker_restart_mid_stream_loses_no_change_and_applies_each_once()
    {
        await using var drill = await OutboundDrill.StartAsync(broker);
        await drill.StartWorkerAsync();

        // First half of the stream: 700 creations, cut while the worker is still applying them.
        var early = drill.CreateUsers("early", 700);
        await Eventually.MatchesAsync(() => drill.Docusign.State.Users.Count, count => count > 100, TimeSpan.FromSeconds(60), "the worker is applying the first half");
        var attemptsBefore = drill.PingOne.DeliveryAttempts(drill.SubscriptionId).Count;
        await using var outage = await broker.StopBrokerAsync();

        // During the outage PingOne keeps delivering: updates of the first half and 500 creations.
        foreach (var user in early.Where((_, i) => i % 2 == 0))
        {
            drill.PingOne.State.UpdateUser(user.Id, new global::PingOne.Emulator.Directory.EmulatedUserChanges { Title = "Moved during the outage" });
        }

        drill.CreateUsers("late", 500);
        var refused = await Eventually.MatchesAsync(
            () => drill.PingOne.DeliveryAttempts(drill.SubscriptionId).Skip(attemptsBefore).Where(attempt => !attempt.Accepted).ToList(),
            failed => failed.Count >= 2,
            TimeSpan.FromSeconds(30),
            "the gateway refuses batches it cannot confirm on the broker");

        await outage.EndAsync();

        await drill.AssertConvergedAsync(TimeSpan.FromSeconds(90), "after the restart every change is applied");
        Assert.Equal(1200, drill.PingOne.State.Users().Count);
        Assert.All(refused, attempt => Assert.NotEqual(200, attempt.StatusCode));
    }

    [Fact]
    public async Task While_the_broker_is_stopped_the_gateway_answers_503_promptly()
    {
        await using var drill = await OutboundDrill.StartAsync(broker);
        await drill.StartWorkerAsync();
        var user = drill.CreateUsers("prompt", 1)[0];
        await drill.AssertConvergedAsync(TimeSpan.FromSeconds(30), "the broker works before the outage");
        await using var outage = await broker.StopBrokerAsync();
        using var client = drill.CreateWebhookClient(drill.WebhookSecret);
        // A hanging request (the bug this guards against) ends in the client's timeout, not in an answer.
        client.Timeout = TimeSpan.FromSeconds(45);
        var batch = ActivityEvents.Array(ActivityEvents.UserEvent("USER.UPDATED", drill.PingOne.EnvironmentId, user.Id, user.Username));

        using var answer = await client.PostAsync("/webhooks/pingone", new StringContent(batch, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        await outage.EndAsync();
        drill.PingOne.State.UpdateUser(user.Id, new global::PingOne.Emulator.Directory.EmulatedUserChanges { Title = "After the restart" });
        await drill.AssertConvergedAsync(TimeSpan.FromSeconds(60), "the gateway and the worker reconnect after the restart");
    }

    [Fact]
    public async Task The_gateway_is_not_ready_while_the_broker_is_stopped_and_ready_again_after()
    {
        await using var drill = await OutboundDrill.StartAsync(broker);
        using var client = drill.CreateWebhookClient(secret: null);
        var ready = new Uri("/health/ready", UriKind.Relative);
        await Eventually.MatchesAsync(() => StatusOfAsync(client, ready), status => status == 200, TimeSpan.FromSeconds(30), "the gateway is ready before the outage");

        await using (var outage = await broker.StopBrokerAsync())
        {
            await Eventually.MatchesAsync(() => StatusOfAsync(client, ready), status => status == 503, TimeSpan.FromSeconds(30), "readiness fails while the broker is down");
            Assert.Equal(200, await StatusOfAsync(client, new Uri("/health/live", UriKind.Relative)));
        }

        await Eventually.MatchesAsync(() => StatusOfAsync(client, ready), status => status == 200, TimeSpan.FromSeconds(60), "the gateway reconnects and is ready again");
    }

    private static async Task<int> StatusOfAsync(HttpClient client, Uri path)
    {
        using var response = await client.GetAsync(path);
        return (int)response.StatusCode;
    }

    private static int DrillUsers(OutboundDrill drill) => drill.Docusign.State.Users.Count(IsDrillUser);

    private static bool IsDrillUser(EmulatedUser user) => user.Email.EndsWith("@drill.example", StringComparison.Ordinal);
}
