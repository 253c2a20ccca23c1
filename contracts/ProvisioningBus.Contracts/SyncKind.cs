namespace ProvisioningBus.Contracts;

/// <summary>Why a rule is synced outside its normal flow.</summary>
public enum SyncKind
{
    /// <summary>An operator asked for a sync now (inbound rules keep their daily time).</summary>
    Manual,

    /// <summary>A full reconciliation: PingOne's "Full Resync", a re-enabled connection, or a changed scope or mapping.</summary>
    FullResync,
}
