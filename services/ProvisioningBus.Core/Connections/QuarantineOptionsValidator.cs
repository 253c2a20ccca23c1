using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Failures;

namespace ProvisioningBus.Core.Connections;

public sealed class QuarantineOptionsValidator : IValidateOptions<QuarantineOptions>
{
    public ValidateOptionsResult Validate(string? name, QuarantineOptions options)
    {
        var failures = new List<string>();
        if (options.FailuresBeforeQuarantine < 1)
        {
            failures.Add($"{QuarantineOptions.SectionName}:FailuresBeforeQuarantine must be at least 1 (was {options.FailuresBeforeQuarantine}).");
        }

        if (options.FirstBackoff <= TimeSpan.Zero)
        {
            failures.Add($"{QuarantineOptions.SectionName}:FirstBackoff must be positive (was {options.FirstBackoff}).");
        }

        if (options.MaxBackoff < options.FirstBackoff)
        {
            failures.Add($"{QuarantineOptions.SectionName}:MaxBackoff must be at least FirstBackoff (was {options.MaxBackoff}).");
        }

        if (options.HoldLimit <= TimeSpan.Zero || options.HoldLimit > RedeliveryOptions.MaxCeiling)
        {
            failures.Add($"{QuarantineOptions.SectionName}:HoldLimit must be positive and at most {RedeliveryOptions.MaxCeiling} (RabbitMQ's consumer_timeout) (was {options.HoldLimit}).");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{QuarantineOptions.SectionName}:PollInterval must be positive (was {options.PollInterval}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
