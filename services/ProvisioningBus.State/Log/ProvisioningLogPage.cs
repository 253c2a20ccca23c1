namespace ProvisioningBus.State.Log;

/// <summary>One page of the log, newest first.</summary>
/// <param name="NextOffset">The offset of the next page; null on the last one.</param>
public sealed record ProvisioningLogPage(IReadOnlyList<ProvisioningLogEntry> Entries, int Offset, int? NextOffset);
