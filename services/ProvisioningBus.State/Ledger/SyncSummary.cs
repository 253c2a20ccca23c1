namespace ProvisioningBus.State.Ledger;

/// <summary>A rule's user and group summaries, as on PingOne's sync status page.</summary>
public sealed record SyncSummary(string Rule, OutcomeCounts Users, OutcomeCounts Groups);
