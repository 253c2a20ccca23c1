using Microsoft.Extensions.Options;

namespace ProvisioningBus.Core.Leases;

/// <summary>Rejects lease times that cannot work, naming the configuration key.</summary>
public sealed class LeaseOptionsValidator : IValidateOptions<LeaseOptions>
{
    /// <summary>
    /// Renewals come every third of a time-to-live, and each is a store round trip that can take a good part of a second
    /// under load: below this a lease could lapse between two renewals of a live holder.
    /// </summary>
    public static readonly TimeSpan MinimumTtl = TimeSpan.FromSeconds(3);

    public ValidateOptionsResult Validate(string? name, LeaseOptions options)
    {
        var failures = new List<string>();
        CheckTtl(nameof(LeaseOptions.UserTtl), options.UserTtl, failures);
        CheckTtl(nameof(LeaseOptions.ResyncUserTtl), options.ResyncUserTtl, failures);
        CheckTtl(nameof(LeaseOptions.GroupTtl), options.GroupTtl, failures);
        CheckTtl(nameof(LeaseOptions.ResyncTtl), options.ResyncTtl, failures);
        CheckTtl(nameof(LeaseOptions.RuleTtl), options.RuleTtl, failures);
        CheckTtl(nameof(LeaseOptions.InboundRunTtl), options.InboundRunTtl, failures);
        CheckWait(nameof(LeaseOptions.UserWait), options.UserWait, failures);
        CheckWait(nameof(LeaseOptions.ResyncUserWait), options.ResyncUserWait, failures);
        CheckWait(nameof(LeaseOptions.RuleWait), options.RuleWait, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckTtl(string key, TimeSpan value, List<string> failures)
    {
        if (value < MinimumTtl)
        {
            failures.Add($"{LeaseOptions.SectionName}:{key} must be at least {MinimumTtl.TotalSeconds:0} seconds (it is renewed every third of it; was {value}).");
        }
    }

    private static void CheckWait(string key, TimeSpan value, List<string> failures)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add($"{LeaseOptions.SectionName}:{key} cannot be negative (was {value}).");
        }
    }
}
