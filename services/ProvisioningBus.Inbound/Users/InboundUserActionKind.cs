namespace ProvisioningBus.Inbound.Users;

/// <summary>What to do in PingOne for one Docusign user under one inbound rule.</summary>
public enum InboundUserActionKind
{
    /// <summary>The user is to be provisioned: PingOne must be read (<see cref="PingOneUserLookup"/>) before deciding how.</summary>
    LookUpPingOne,

    Create,

    /// <summary>A PingOne user carrying the Docusign userId as externalId is linked (and patched if it differs).</summary>
    Adopt,

    Update,

    /// <summary>Linked and already equal: nothing is written.</summary>
    Unchanged,

    /// <summary>The rule provisioned the user and no longer provisions it (disappeared, filtered out, not Active): delete it.</summary>
    Delete,

    /// <summary>As <see cref="Delete"/>, under the Remove Action <c>Disable</c>: the user is suspended (<c>enabled=false</c>), its link kept.</summary>
    Disable,

    /// <summary>A PingOne user with the same username or email exists that the rule did not provision: left alone (mission §5).</summary>
    LeaveExisting,

    /// <summary>Not provisioned now and never provisioned by the rule: nothing to do.</summary>
    NotProvisioned,

    /// <summary>The mappings cannot produce a PingOne user.</summary>
    Fail,
}
