using Microsoft.Extensions.Options;

namespace ProvisioningBus.Core.Notifications;

public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.WebhookUrl) && (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{NotificationOptions.SectionName}:WebhookUrl must be an absolute http(s) URL.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{NotificationOptions.SectionName}:Timeout must be positive (was {options.Timeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
