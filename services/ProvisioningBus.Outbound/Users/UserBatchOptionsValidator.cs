using Microsoft.Extensions.Options;

namespace ProvisioningBus.Outbound.Users;

/// <summary>Start-up validation of <c>Outbound:Users</c>; each failure names its key.</summary>
public sealed class UserBatchOptionsValidator : IValidateOptions<UserBatchOptions>
{
    public ValidateOptionsResult Validate(string? name, UserBatchOptions options)
    {
        var errors = new List<string>();
        const string Section = UserBatchOptions.SectionName;
        if (options.BatchMessageLimit is < 1 or > UserBatchOptions.MaxBatchMessageLimit)
        {
            errors.Add($"{Section}:BatchMessageLimit must be between 1 and {UserBatchOptions.MaxBatchMessageLimit} (Docusign's bulk limit); it is {options.BatchMessageLimit}.");
        }

        if (options.BatchTimeLimit <= TimeSpan.Zero || options.BatchTimeLimit > TimeSpan.FromSeconds(1))
        {
            errors.Add($"{Section}:BatchTimeLimit must be more than 0 and at most 00:00:01 (a lone change waits this long); it is {options.BatchTimeLimit}.");
        }

        if (options.BatchConcurrencyLimit < 1)
        {
            errors.Add($"{Section}:BatchConcurrencyLimit must be at least 1; it is {options.BatchConcurrencyLimit}.");
        }

        if (options.PingOneReadConcurrency < 1)
        {
            errors.Add($"{Section}:PingOneReadConcurrency must be at least 1; it is {options.PingOneReadConcurrency}.");
        }

        if (options.DirectoryMaxAge < TimeSpan.Zero)
        {
            errors.Add($"{Section}:DirectoryMaxAge must not be negative; it is {options.DirectoryMaxAge}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
