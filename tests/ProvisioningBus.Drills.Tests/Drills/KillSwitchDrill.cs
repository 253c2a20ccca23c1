using System.Diagnostics;
using Docusign.Emulator;
using ProvisioningBus.Drills.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProvisioningBus.Drills.Tests.Drills;

[Collection(DrillsCollection.Name)]
public sealed class KillSwitchDrill(RabbitMqFixture broker, ITestOutputHelper output)
{
    private const string UserQueue = "user-changes";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_failure_spike_stops_the_user_endpoint_readiness_503_and_it_consumes_again_after_its_pause()
    {
        // More users than the endpoint's batches in flight: those still queued when it trips are what the kill switch keeps out of _error.
        const int Users = 150;
        await using var drill = await OutboundDrill.StartAsync(broker);
        // A short ceiling so changes give up quickly; the kill switch trips once 5 changes started and 20 % gave up.
        drill.Settings["Resilience:Redelivery:Ceiling"] = "00:00:00.500";
        drill.Settings["Resilience:KillSwitch:ActivationThreshold"] = "5";
        drill.Settings["Resilience:KillSwitch:TripThreshold"] = "20";
        drill.Settings["Resilience:KillSwitch:RestartTimeout"] = "00:00:10";
        // A batch fails as a whole, so what the switch can keep out of _error is everything but the batches in flight
        // when it trips: small batches make that visible with 150 users.
        drill.Settings["Outbound:Users:BatchMessageLimit"] = "10";
        var worker = await drill.StartWorkerProcessAsync();
        using var health = await WorkerHealth.OfAsync(worker);
        await Eventually.MatchesAsync(health.ReadyAsync, status => status == 200, Timeout, "the worker is ready before the spike");
        await Eventually.MatchesAsync(() => ConsumersOfAsync(drill), count => count > 0, Timeout, "the worker consumes user-changes");

        var clock = Stopwatch.StartNew();
        drill.Docusign.State.SetFaults(new EmulatorFaultSettings { ServerErrorRate = 1.0 });
        drill.CreateUsers("spike", Users);
        var readyWhileStopped = await Eventually.MatchesAsync(health.ReadyAsync, status => status == 503, Timeout, "the tripped endpoint makes the worker not ready");
        var consumersWhileStopped = await Eventually.MatchesAsync(() => ConsumersOfAsync(drill), count => count == 0, Timeout, "the stopped endpoint consumes nothing");
        var trippedAfter = clock.Elapsed;
        var deadLettered = await DrillCli.DeadLetteredAsync(drill, UserQueue);

        drill.Docusign.State.ClearFaults();
        var readyAgain = await Eventually.MatchesAsync(health.ReadyAsync, status => status == 200, Timeout, "after its pause the endpoint restarts and the worker is ready");
        var consumersAgain = await Eventually.MatchesAsync(() => ConsumersOfAsync(drill), count => count > 0, Timeout, "the restarted endpoint consumes again");
        var restartedAfter = clock.Elapsed;
        // What gave up before the switch tripped waits in _error; the rest was held on the queue and flows now.
        await DrillCli.RunAsync(drill, broker, "errors", "replay", "--rule", OutboundDrill.RuleName);
        await drill.AssertConvergedAsync(Timeout, "every change is applied after the restart and the replay");

        output.WriteLine(
            $"users: {Users}; tripped {trippedAfter.TotalSeconds:0.0} s into the spike (ready {readyWhileStopped}, consumers {consumersWhileStopped}); " +
            $"dead-lettered before it tripped: {deadLettered} of {Users}; restarted {(restartedAfter - trippedAfter).TotalSeconds:0.0} s later (ready {readyAgain}, consumers {consumersAgain}); " +
            $"converged {clock.Elapsed.TotalSeconds:0.0} s after the spike began");
        Assert.True(deadLettered < Users, $"the kill switch kept changes out of _error ({deadLettered} of {Users} dead-lettered)");
    }

    private static async Task<int> ConsumersOfAsync(OutboundDrill drill) =>
        (await drill.VirtualHost.ConsumersAsync()).Count(consumer => consumer.Queue == UserQueue);
}
