namespace ProvisioningBus.Outbound.Groups;

/// <summary>What applying one PingOne group change to one rule's Docusign target did.</summary>
public enum GroupChangeOutcome
{
    Created,

    /// <summary>A Docusign group with the PingOne group's name already existed and was linked instead of creating a duplicate.</summary>
    Adopted,
    Renamed,
    Unchanged,
    Deleted,

    /// <summary>Nothing to do for this rule (a delete of a group it never pushed).</summary>
    Skipped,
    Failed,
}
