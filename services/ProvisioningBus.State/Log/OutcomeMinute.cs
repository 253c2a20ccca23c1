namespace ProvisioningBus.State.Log;

/// <summary>How many log entries of one outcome fell in one minute (UTC, truncated).</summary>
public sealed record OutcomeMinute(DateTimeOffset Minute, string Outcome, int Count);
