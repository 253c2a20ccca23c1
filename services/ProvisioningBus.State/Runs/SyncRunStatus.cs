namespace ProvisioningBus.State.Runs;

public enum SyncRunStatus
{
    Running,
    Succeeded,
    Failed,

    /// <summary>Stopped by the mass-deletion guard; an approval starts a new run.</summary>
    AwaitingApproval,
}
