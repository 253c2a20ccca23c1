using Microsoft.Extensions.Options;

namespace ProvisioningBus.Gateway.Webhooks;

public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            failures.Add($"{WebhookOptions.SectionName}:Secret is required: set it to the value PingOne's subscription sends in the '{options.HeaderName}' header.");
        }
        else if (options.Secret.Length < 16)
        {
            failures.Add($"{WebhookOptions.SectionName}:Secret must be at least 16 characters long.");
        }

        if (string.IsNullOrWhiteSpace(options.HeaderName))
        {
            failures.Add($"{WebhookOptions.SectionName}:HeaderName must name the header that carries the secret.");
        }

        if (string.IsNullOrWhiteSpace(options.Path) || !options.Path.StartsWith('/'))
        {
            failures.Add($"{WebhookOptions.SectionName}:Path must start with '/'.");
        }

        if (options.PublicUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{WebhookOptions.SectionName}:PublicUrl must be an absolute https:// URL (was '{url.OriginalString}').");
        }

        if (string.IsNullOrWhiteSpace(options.SubscriptionName))
        {
            failures.Add($"{WebhookOptions.SectionName}:SubscriptionName must not be empty.");
        }

        if (options.MaxBodyBytes is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"{WebhookOptions.SectionName}:MaxBodyBytes must be between 1024 and 67108864 (was {options.MaxBodyBytes}).");
        }

        if (options.MaxEventsPerBatch is < 1 or > 10_000)
        {
            failures.Add($"{WebhookOptions.SectionName}:MaxEventsPerBatch must be between 1 and 10000 (was {options.MaxEventsPerBatch}).");
        }

        if (options.PublishTimeout <= TimeSpan.Zero || options.PublishTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{WebhookOptions.SectionName}:PublishTimeout must be between 00:00:00.001 and 00:05:00 (was {options.PublishTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
