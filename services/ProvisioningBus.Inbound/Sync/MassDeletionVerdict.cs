namespace ProvisioningBus.Inbound.Sync;

/// <summary>What the mass-deletion guard would decide about a sync's deletions.</summary>
/// <param name="Deletions">PingOne users the sync would delete (before any approval).</param>
/// <param name="Provisioned">PingOne users the rule has provisioned (its links).</param>
/// <param name="Reason">Null when the deletions would go; otherwise why the guard would hold them.</param>
public sealed record MassDeletionVerdict(int Deletions, int Provisioned, string? Reason)
{
    public bool Holds => Reason is not null;
}
