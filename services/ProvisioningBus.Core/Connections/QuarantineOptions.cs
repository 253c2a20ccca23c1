namespace ProvisioningBus.Core.Connections;

/// <summary>
/// When a connection whose credential or rights keep being refused is paused, and for how long. Bound from
/// <c>Resilience:Quarantine</c>.
/// </summary>
public sealed class QuarantineOptions
{
    public const string SectionName = "Resilience:Quarantine";

    /// <summary>Refusals in a row (in one process) that quarantine the connection; one refusal may be a token mid-rotation.</summary>
    public int FailuresBeforeQuarantine { get; set; } = 3;

    /// <summary>The first pause before a quarantined connection is tried again; each failed try doubles it.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest pause between two tries.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long one change waits, unacknowledged, for its connection to come back before it is handed back to its queue
    /// (and waits again from there). Below RabbitMQ's consumer_timeout, which would otherwise close the channel.
    /// </summary>
    public TimeSpan HoldLimit { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a waiting change reads the shared state, so that another process's successful try releases it early.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
