namespace ProvisioningBus.Inbound.Sync;

/// <summary>What applying one snapshot difference would do to PingOne (the outcomes of the inbound user applier).</summary>
public enum PlannedPingOneAction
{
    Create,

    /// <summary>A PingOne user carrying the Docusign userId as externalId would be linked (and patched if it differs).</summary>
    Adopt,

    Update,
    Delete,

    /// <summary>Suspended (<c>enabled=false</c>) under the Remove Action <c>Disable</c>.</summary>
    Disable,

    /// <summary>Linked and already equal: nothing would be written.</summary>
    Unchanged,

    /// <summary>A PingOne user with the same username or email exists that the rule did not provision; it would be left alone.</summary>
    LeaveExisting,

    /// <summary>Not provisioned (e.g. not Active under Sync Only Active Users) and never provisioned by the rule.</summary>
    NotProvisioned,

    /// <summary>The mappings cannot produce a PingOne user.</summary>
    Fail,
}
