using Microsoft.Extensions.Options;

namespace ProvisioningBus.Gateway.Admin;

public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public const int MinimumTokenLength = 16;

    public static readonly TimeSpan MaxProvisionTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        if (options.Token is { } token && token.Trim().Length < MinimumTokenLength)
        {
            return ValidateOptionsResult.Fail($"{AdminOptions.SectionName}:Token must be at least {MinimumTokenLength} characters long (or unset, which turns the status page and API off).");
        }

        return options.ProvisionTimeout <= TimeSpan.Zero || options.ProvisionTimeout > MaxProvisionTimeout
            ? ValidateOptionsResult.Fail($"{AdminOptions.SectionName}:ProvisionTimeout must be above zero and at most {MaxProvisionTimeout:c} (it is {options.ProvisionTimeout:c}).")
            : ValidateOptionsResult.Success;
    }
}
