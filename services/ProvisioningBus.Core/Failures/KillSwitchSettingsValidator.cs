using Microsoft.Extensions.Options;

namespace ProvisioningBus.Core.Failures;

/// <summary>Rejects kill switch settings at start-up with a message naming the offending key.</summary>
public sealed class KillSwitchSettingsValidator : IValidateOptions<KillSwitchSettings>
{
    public ValidateOptionsResult Validate(string? name, KillSwitchSettings options)
    {
        var failures = new List<string>();
        if (options.TripThreshold is < 1 or > 100)
        {
            failures.Add($"{KillSwitchSettings.SectionName}:TripThreshold must be a percentage between 1 and 100 (was {options.TripThreshold}).");
        }

        if (options.ActivationThreshold < 1)
        {
            failures.Add($"{KillSwitchSettings.SectionName}:ActivationThreshold must be at least 1 (was {options.ActivationThreshold}).");
        }

        if (options.TrackingPeriod <= TimeSpan.Zero)
        {
            failures.Add($"{KillSwitchSettings.SectionName}:TrackingPeriod must be positive (was {options.TrackingPeriod}).");
        }

        if (options.RestartTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{KillSwitchSettings.SectionName}:RestartTimeout must be positive (was {options.RestartTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
