namespace ProvisioningBus.Outbound.Status;

/// <summary>A rule's status as PingOne's sync status page shows it.</summary>
public enum RuleSyncState
{
    /// <summary>The rule and its connection are enabled and its last run did not fail.</summary>
    Active,

    /// <summary>The rule or its connection is disabled: nothing is written.</summary>
    Inactive,

    /// <summary>The rule's latest run failed.</summary>
    Failed,
}
