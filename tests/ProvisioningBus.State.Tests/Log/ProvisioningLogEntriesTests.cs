using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.State.Tests.Log;

public sealed class ProvisioningLogEntriesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_change_no_event_triggered_gives_its_reason_and_a_skip_adds_why_it_was_skipped()
    {
        var resync = new ChangeDetail("update") { Reason = "resync", ChangedAttributes = ["jobTitle"] };

        var applied = ProvisioningLogEntries.From(new EntityOutcome("staff", EntityKind.User, "u1", "ada", SyncOutcome.Success, null, null, At) { Change = resync });
        var skipped = ProvisioningLogEntries.From(
            new EntityOutcome("staff", EntityKind.User, "u1", "ada", SyncOutcome.Unsynced, "UPDATE_OFF", "Updating users is off.", At) { Change = resync with { Action = "skip" } });

        Assert.Equal(("update", "resync", null), (applied.Action, applied.Reason, applied.EventId));
        Assert.Equal(["jobTitle"], applied.ChangedAttributes);
        Assert.Equal(("skip", "resync: Updating users is off."), (skipped.Action, skipped.Reason));
    }

    [Fact]
    public void A_failure_keeps_the_target_answer_as_its_message_and_the_call_status()
    {
        var failed = ProvisioningLogEntries.From(
            new EntityOutcome("staff", EntityKind.Group, "g1", "Sales", SyncOutcome.Failed, "INVALID_GROUP_ID", "no such group", At)
            {
                Change = new ChangeDetail("delete") { EventId = "e-1", CallStatus = 400 },
            });

        Assert.Equal(("delete", ProvisioningLogValues.Failed, "e-1", (int?)400, "no such group", (string?)null), (failed.Action, failed.Outcome, failed.EventId, failed.CallStatus, failed.Message, failed.Reason));
    }
}
