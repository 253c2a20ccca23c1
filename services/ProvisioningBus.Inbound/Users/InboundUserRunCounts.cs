using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Users;

/// <summary>What one applied Docusign user difference adds to the counts of the snapshot run that found it.</summary>
public static class InboundUserRunCounts
{
    public static SyncRunCounts Of(InboundUserOutcome outcome) => outcome switch
    {
        InboundUserOutcome.Created => new SyncRunCounts { Created = 1 },
        InboundUserOutcome.Adopted => new SyncRunCounts { Adopted = 1 },
        InboundUserOutcome.Updated => new SyncRunCounts { Updated = 1 },
        InboundUserOutcome.Unchanged => new SyncRunCounts { Unchanged = 1 },
        InboundUserOutcome.Deleted => new SyncRunCounts { Closed = 1 },

        // A suspended user keeps its account and its link, as the deleted rule's run counts it: a status update.
        InboundUserOutcome.Disabled => new SyncRunCounts { Updated = 1 },
        InboundUserOutcome.Failed => new SyncRunCounts { Failed = 1 },

        // Left alone for a reason: not this rule's user, not Active, or the rule is disabled here.
        InboundUserOutcome.ExistingUserNotOwned or InboundUserOutcome.NotProvisioned or InboundUserOutcome.Skipped => new SyncRunCounts { Skipped = 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An inbound user outcome no run count stands for."),
    };
}
