namespace ProvisioningBus.Core.Failures;

/// <summary>
/// How long a change that met an infrastructure fault (store or broker unreachable, Docusign/PingOne 5xx, 429, a
/// refused credential) keeps being retried before it goes to <c>_error</c>. Bound from <c>Resilience:Redelivery</c>.
/// </summary>
public sealed class RedeliveryOptions
{
    public const string SectionName = "Resilience:Redelivery";

    /// <summary>
    /// RabbitMQ closes the channel of a delivery held unacknowledged longer than its <c>consumer_timeout</c> (30 minutes
    /// by default), which would redeliver the change from the start; the ceiling stays well below it.
    /// </summary>
    public static readonly TimeSpan MaxCeiling = TimeSpan.FromMinutes(25);

    /// <summary>The first pause; each next one doubles, so a blip is retried within a second or two.</summary>
    public TimeSpan FirstInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest pause between two attempts.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The pauses add up to this; a change still failing after it goes to <c>_error</c>.</summary>
    public TimeSpan Ceiling { get; set; } = TimeSpan.FromMinutes(15);
}
