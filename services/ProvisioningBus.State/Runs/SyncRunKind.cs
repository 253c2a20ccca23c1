namespace ProvisioningBus.State.Runs;

/// <summary>What started a sync run.</summary>
public enum SyncRunKind
{
    /// <summary>A rule's first full sync; for inbound rules its completion time sets the daily schedule.</summary>
    Initial,

    /// <summary>The inbound daily run.</summary>
    Daily,

    /// <summary>An operator asked for a sync now (does not move the daily time).</summary>
    Manual,

    /// <summary>A full reconciliation (re-enabled connection, changed scope or mapping, Sync Only Active Users turned on).</summary>
    FullResync,

    /// <summary>Deprovisioning everything a deleted rule provisioned.</summary>
    RuleDeletion,

    /// <summary>The outbound periodic reconciliation (<c>Outbound:Reconciliation</c>): a full resync that repairs drift.</summary>
    Scheduled,
}
