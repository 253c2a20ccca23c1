namespace ProvisioningBus.Outbound.Users;

/// <summary>What applying one PingOne user change to one rule's Docusign target did.</summary>
public enum UserProvisioningOutcome
{
    Created,
    Adopted,
    Updated,
    Unchanged,
    Closed,
    /// <summary>The rule's user actions do not allow the write this change needs (e.g. creation off).</summary>
    Unsynced,
    /// <summary>Nothing to do for this rule (out of scope and never provisioned, or already gone).</summary>
    Skipped,
}
