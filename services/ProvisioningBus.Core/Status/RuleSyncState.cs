namespace ProvisioningBus.Core.Status;

/// <summary>A rule's status as PingOne's sync status page names it (mission §6); the reason says why it is not Active.</summary>
public enum RuleSyncState
{
    /// <summary>The rule and its Docusign connection are enabled and its last run did not fail.</summary>
    Active,

    /// <summary>The rule or its Docusign connection is disabled: nothing is written through it.</summary>
    Inactive,

    /// <summary>The rule's latest run failed.</summary>
    Failed,

    /// <summary>Its Docusign connection (or PingOne) keeps refusing the credential: changes wait until a try succeeds.</summary>
    Quarantined,
}
