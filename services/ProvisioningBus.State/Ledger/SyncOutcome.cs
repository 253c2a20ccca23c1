namespace ProvisioningBus.State.Ledger;

/// <summary>The last result of syncing one entity, as PingOne's sync summary names them.</summary>
public enum SyncOutcome
{
    /// <summary>The target matches the source.</summary>
    Success,

    /// <summary>Nothing was written because the rule does not allow it (e.g. users creation off).</summary>
    Unsynced,

    /// <summary>Part of the change was applied; the rest is not allowed (e.g. updates off) or failed.</summary>
    PartiallySynced,

    /// <summary>The target rejected the change or could not be reached; see the error.</summary>
    Failed,

    /// <summary>Deliberately not processed (connection disabled, dry run); counted as impacted only.</summary>
    Skipped,
}
