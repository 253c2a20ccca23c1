using Microsoft.Extensions.Options;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>Rejects a reconciliation schedule that cannot work, naming the key.</summary>
public sealed class ReconciliationOptionsValidator : IValidateOptions<ReconciliationOptions>
{
    public ValidateOptionsResult Validate(string? name, ReconciliationOptions options)
    {
        var failures = new List<string>();
        if (options.Interval < TimeSpan.FromSeconds(1) || options.Interval > TimeSpan.FromDays(30))
        {
            failures.Add($"{ReconciliationOptions.SectionName}:Interval must be from 1 second to 30 days (was {options.Interval}).");
        }

        if (options.LiveReserve is < 0 or >= 1 || double.IsNaN(options.LiveReserve))
        {
            failures.Add($"{ReconciliationOptions.SectionName}:LiveReserve must be from 0 to below 1 (was {options.LiveReserve}): the share of the Docusign budget the reconciliation leaves to live changes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
