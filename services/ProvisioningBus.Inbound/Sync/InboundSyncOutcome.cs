namespace ProvisioningBus.Inbound.Sync;

public enum InboundSyncOutcome
{
    /// <summary>The run completed (succeeded, or stopped by the mass-deletion guard).</summary>
    Completed,

    /// <summary>The run started and failed; see the run's error.</summary>
    Failed,

    /// <summary>Another instance (or another run here) holds the rule's lease.</summary>
    Busy,

    UnknownRule,

    Disabled,
}
