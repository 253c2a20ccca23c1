namespace ProvisioningBus.Inbound.Snapshots;

public enum SnapshotDifferenceKind
{
    Appeared,
    Changed,
    Disappeared,

    /// <summary>A user whose deletion the guard held is back as it was: nothing to publish, only its stored hold to clear.</summary>
    Released,
}
