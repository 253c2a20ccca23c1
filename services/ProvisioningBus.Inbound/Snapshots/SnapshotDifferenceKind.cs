namespace ProvisioningBus.Inbound.Snapshots;

public enum SnapshotDifferenceKind
{
    Appeared,
    Changed,
    Disappeared,
}
