namespace ProvisioningBus.State.Inbound;

/// <summary>One change to an inbound rule's stored snapshot: the row to store for a user, or (<see cref="Row"/> null) its removal.</summary>
public sealed record SnapshotWrite(string DocusignUserId, SnapshotRow? Row)
{
    public static SnapshotWrite Put(SnapshotRow row) => new(row.DocusignUserId, row);

    public static SnapshotWrite Remove(string docusignUserId) => new(docusignUserId, null);
}
