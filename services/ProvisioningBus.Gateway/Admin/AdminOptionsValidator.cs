using Microsoft.Extensions.Options;

namespace ProvisioningBus.Gateway.Admin;

public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public const int MinimumTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, AdminOptions options) =>
        options.Token is { } token && token.Trim().Length < MinimumTokenLength
            ? ValidateOptionsResult.Fail($"{AdminOptions.SectionName}:Token must be at least {MinimumTokenLength} characters long (or unset, which turns the status page and API off).")
            : ValidateOptionsResult.Success;
}
