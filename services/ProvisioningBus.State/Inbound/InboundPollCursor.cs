namespace ProvisioningBus.State.Inbound;

/// <summary>
/// Where an inbound rule's incremental poll continues: written only by a run that succeeded, so a failed or
/// interrupted run leaves the previous cursor and the next run lists from there again.
/// </summary>
/// <param name="ConfigHash">Fingerprint of the rule and its incremental settings when the cursor was written; another one breaks the chain.</param>
/// <param name="ModifiedSince">The next incremental run lists users modified at or after this time (the last successful run's start, less the overlap).</param>
/// <param name="LastFullAt">When the last full snapshot started: the full-snapshot cadence counts from it.</param>
/// <param name="LastRunId">The run that wrote the cursor: when a later run exists and failed, the chain is broken.</param>
public sealed record InboundPollCursor(
    string Rule,
    string ConfigHash,
    DateTimeOffset ModifiedSince,
    DateTimeOffset LastFullAt,
    Guid LastRunId,
    DateTimeOffset UpdatedAt);
