namespace ProvisioningBus.State.Inbound;

/// <summary>One Docusign user in an inbound rule's stored snapshot.</summary>
/// <param name="AttributesHash">Hash of the attributes, compared to find changed users without parsing JSON.</param>
/// <param name="AttributesJson">The attributes, to build "changed"/"removed" events from the previous state.</param>
public sealed record SnapshotRow(string DocusignUserId, string AttributesHash, string AttributesJson)
{
    /// <summary>The order in which snapshots are streamed; sort the current snapshot with it before merge-diffing.</summary>
    public static StringComparer IdOrder => StringComparer.Ordinal;
}
