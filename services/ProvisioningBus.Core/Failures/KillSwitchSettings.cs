namespace ProvisioningBus.Core.Failures;

/// <summary>
/// When a receive endpoint stops consuming because too many of its changes gave up (MassTransit's kill switch), and
/// for how long. Bound from <c>Resilience:KillSwitch</c>.
/// </summary>
public sealed class KillSwitchSettings
{
    public const string SectionName = "Resilience:KillSwitch";

    /// <summary>Percentage of the changes started in <see cref="TrackingPeriod"/> that failed, at which the endpoint stops.</summary>
    public int TripThreshold { get; set; } = 15;

    /// <summary>Changes the endpoint must have started in <see cref="TrackingPeriod"/> before it can trip.</summary>
    public int ActivationThreshold { get; set; } = 10;

    /// <summary>The window the counts cover; they start again at zero after it.</summary>
    public TimeSpan TrackingPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a tripped endpoint stays stopped before it consumes again.</summary>
    public TimeSpan RestartTimeout { get; set; } = TimeSpan.FromMinutes(1);
}
