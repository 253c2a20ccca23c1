using Microsoft.Extensions.Options;

namespace ProvisioningBus.Core.Failures;

/// <summary>Rejects a retry schedule at start-up with a message naming the offending key.</summary>
public sealed class RedeliveryOptionsValidator : IValidateOptions<RedeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, RedeliveryOptions options)
    {
        var failures = new List<string>();
        if (options.FirstInterval <= TimeSpan.Zero)
        {
            failures.Add($"{RedeliveryOptions.SectionName}:FirstInterval must be positive (was {options.FirstInterval}).");
        }

        if (options.MaxInterval < options.FirstInterval)
        {
            failures.Add($"{RedeliveryOptions.SectionName}:MaxInterval must be at least FirstInterval (was {options.MaxInterval}).");
        }

        if (options.Ceiling <= TimeSpan.Zero || options.Ceiling > RedeliveryOptions.MaxCeiling)
        {
            failures.Add($"{RedeliveryOptions.SectionName}:Ceiling must be positive and at most {RedeliveryOptions.MaxCeiling} (RabbitMQ's consumer_timeout) (was {options.Ceiling}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
