namespace ProvisioningBus.Outbound.Users;

/// <summary>What to do in Docusign for one PingOne user under one rule.</summary>
public enum OutboundUserActionKind
{
    /// <summary>In scope and never linked: Docusign must be searched by <see cref="OutboundUserAction.Wanted"/>'s email before deciding.</summary>
    LookUpByEmail,

    /// <summary>Out of scope (or deleted) and never linked: not this rule's business; forget any ledger entry.</summary>
    Forget,

    /// <summary>Linked but gone from scope with 'Enable users deprovision' off: the Docusign user stays, only the link goes.</summary>
    Unlink,

    /// <summary>Linked but gone from scope, Remove Action Delete: close the Docusign user and drop the link.</summary>
    Deprovision,

    /// <summary>Docusign already holds what the rule wants: no write (the link is refreshed when a Docusign user is named).</summary>
    Unchanged,

    /// <summary>An unlinked Docusign user with the same email already matches: link it, write nothing.</summary>
    Adopt,

    Create,

    /// <summary>Write the changed attributes (of a linked user, or of an existing one being adopted).</summary>
    Update,

    /// <summary>The mapped userStatus asks for a closed account (a linked user, or an existing one being adopted).</summary>
    Close,

    /// <summary>Re-POST a closed Docusign user (same userName + email) because the PingOne user should be active.</summary>
    Reactivate,

    /// <summary>A user action that is off forbids the write: recorded as Unsynced or PartiallySynced.</summary>
    Skip,

    /// <summary>The rule cannot express the user in Docusign: recorded as Failed, retrying will not help.</summary>
    Fail,
}
