using System.Diagnostics;
using Docusign.Emulator;
using ProvisioningBus.Core.DeadLetters;
using ProvisioningBus.Drills.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProvisioningBus.Drills.Tests.Drills;

/// <summary>What reaches <c>_error</c>, and what does not, is where operators look: status, failures, errors list.</summary>
[Collection(DrillsCollection.Name)]
public sealed class DeadLetterDrill(RabbitMqFixture broker, ITestOutputHelper output)
{
    private const string UserQueue = "user-changes";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_change_forced_into_error_shows_its_user_in_status_failures_and_errors_list_and_replay_by_rule_applies_it()
    {
        await using var drill = await OutboundDrill.StartAsync(broker);
        // Docusign down for longer than the (short) redelivery ceiling: the change gives up and is dead-lettered.
        drill.Settings["Resilience:Redelivery:Ceiling"] = "00:00:02";
        await drill.StartWorkerProcessAsync();
        var healthy = drill.CreateUsers("healthy", 5);
        await drill.AssertConvergedAsync(Timeout, "the healthy users arrive");
        await drill.PingOne.WaitForDeliveryAsync(Timeout);

        var clock = Stopwatch.StartNew();
        drill.Docusign.State.SetFaults(new EmulatorFaultSettings { ServerErrorRate = 1.0 });
        var poison = drill.CreateUsers("poison", 1)[0];
        var failures = await Eventually.MatchesAsync(
            () => DrillCli.RunAsync(drill, broker, "failures", OutboundDrill.RuleName),
            run => run.Output.Contains($"({poison.Id}): {DeadLetterReason.ErrorCode}", StringComparison.Ordinal),
            Timeout,
            "the dead-lettered user is one of the rule's failures");
        var deadLetteredAfter = clock.Elapsed;
        var status = await RunningStatusReader.ReadRuleAsync(drill.Settings, OutboundDrill.RuleName);
        var listed = await DrillCli.RunAsync(drill, broker, "errors", "list");

        Assert.Contains(poison.Username, failures.Output, StringComparison.Ordinal);
        Assert.NotNull(status);
        Assert.Equal(1, status.Users.Failed);
        Assert.Contains(status.RecentFailures, failure => failure.EntityId == poison.Id && failure.ErrorCode == DeadLetterReason.ErrorCode);
        Assert.Contains($"user {poison.Id} ({poison.Username}) rules: {OutboundDrill.RuleName}", listed.Output, StringComparison.Ordinal);
        Assert.Empty(drill.Docusign.State.FindUsersByEmail(poison.Email!));

        drill.Docusign.State.ClearFaults();
        var replay = await DrillCli.RunAsync(drill, broker, "errors", "replay", "--rule", OutboundDrill.RuleName);
        await drill.AssertConvergedAsync(Timeout, "the replayed change is applied once");
        var converged = clock.Elapsed;
        var after = await RunningStatusReader.ReadRuleAsync(drill.Settings, OutboundDrill.RuleName);
        var left = await DrillCli.DeadLetteredAsync(drill, UserQueue);

        output.WriteLine(
            $"users: {healthy.Count + 1}; dead-lettered: 1 ({deadLetteredAfter.TotalSeconds:0.0} s after Docusign failed, ceiling 2 s); " +
            $"converged {converged.TotalSeconds:0.0} s after the fault began, replay by rule: '{replay.Output.Trim()}'; left in _error: {left}");
        Assert.Equal("Replayed 1 message.", replay.Output.Trim());
        Assert.Equal(0, after!.Users.Failed);
        Assert.DoesNotContain(after.RecentFailures, failure => failure.EntityId == poison.Id);
        Assert.Equal(0, left);
    }

    [Fact]
    public async Task A_message_fault_fails_fast_shows_in_failures_and_reaches_no_error_queue()
    {
        // The default 15-minute ceiling: a message fault that waited it out would not show within the timeout.
        await using var drill = await OutboundDrill.StartAsync(broker);
        await drill.StartWorkerProcessAsync();
        var clock = Stopwatch.StartNew();
        var fine = drill.CreateUsers("fine", 3);
        var bad = drill.PingOne.State.CreateUser("bad-email", "not-an-email", new global::PingOne.Emulator.Directory.EmulatedUserName(Given: "Bad", Family: "Email"), "Engineer");

        var failures = await Eventually.MatchesAsync(
            () => DrillCli.RunAsync(drill, broker, "failures", OutboundDrill.RuleName),
            run => run.Output.Contains($"({bad.Id}): INVALID_EMAIL_ADDRESS_FOR_USER", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60),
            "Docusign's refusal is the user's failure at once");
        var failedAfter = clock.Elapsed;
        await Eventually.MatchesAsync(
            () => fine.All(user => drill.Docusign.State.FindUsersByEmail(user.Email!).Count == 1),
            arrived => arrived,
            TimeSpan.FromSeconds(60),
            "the valid users beside it arrive");
        var deadLettered = await DrillCli.DeadLetteredAsync(drill, UserQueue);

        output.WriteLine($"users: {fine.Count + 1}; the bad email showed in failures {failedAfter.TotalSeconds:0.0} s after it was created; dead-lettered: {deadLettered}");
        Assert.Contains("bad-email", failures.Output, StringComparison.Ordinal);
        Assert.Equal(0, deadLettered);
    }
}
