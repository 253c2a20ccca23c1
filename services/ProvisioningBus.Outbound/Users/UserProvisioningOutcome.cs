namespace ProvisioningBus.Outbound.Users;

/// <summary>What applying one PingOne user change to one rule's Docusign target did.</summary>
public enum UserProvisioningOutcome
{
    Created,
    Adopted,
    Updated,
    Unchanged,
    Closed,
    /// <summary>A closed Docusign user was re-POSTed (same userName + email) because the source user is active again.</summary>
    Reactivated,
    /// <summary>The rule's user actions do not allow the write this change needs (e.g. creation off).</summary>
    Unsynced,
    /// <summary>Linked, but the change was not applied because updates are off.</summary>
    PartiallySynced,
    /// <summary>A permanent failure, recorded in the sync ledger with its error.</summary>
    Failed,
    /// <summary>Nothing to do for this rule (out of scope and never provisioned, already gone, or connection disabled).</summary>
    Skipped,
    /// <summary>PingOne does not know the user (never existed, or deleted since the event) and the rule never provisioned it.</summary>
    NotFound,
    /// <summary>The store holds newer state than this change: applying it would undo the newer one.</summary>
    Stale,
}
