using ProvisioningBus.Gateway.Webhooks;
using ProvisioningBus.PingOne.Subscriptions;
using ProvisioningBus.PingOne.Webhooks;

namespace ProvisioningBus.Operations.Subscriptions;

/// <summary>
/// The subscription this gateway wants, from the gateway's own settings: its public URL, the secret header it
/// checks, the action types the parser handles. <c>subscribe pingone</c> writes it and <c>doctor</c> compares with it.
/// </summary>
public sealed record WebhookSubscriptionSettings(WebhookOptions Webhook)
{
    public static WebhookSubscriptionSettings Read(IConfiguration configuration, Uri? urlOverride)
    {
        var webhook = configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>() ?? new WebhookOptions();
        if (urlOverride is not null)
        {
            webhook.PublicUrl = urlOverride;
        }

        var problems = new List<string>();
        if (webhook.PublicUrl is null)
        {
            problems.Add($"{WebhookOptions.SectionName}:PublicUrl is required: the gateway's webhook URL as PingOne reaches it (or pass --url).");
        }

        var validation = new WebhookOptionsValidator().Validate(null, webhook);
        if (validation.Failed)
        {
            problems.AddRange(validation.Failures);
        }

        return problems.Count > 0 ? throw new InvalidOperationException(string.Join(" ", problems)) : new WebhookSubscriptionSettings(webhook);
    }

    public string Name => Webhook.SubscriptionName;

    public Uri Url => Webhook.PublicUrl!;

    public PingOneSubscription Desired(bool verifyTls) => new()
    {
        Name = Webhook.SubscriptionName,
        Enabled = true,
        Format = "ACTIVITY",
        HttpEndpoint = new PingOneSubscriptionEndpoint(Url.AbsoluteUri, new Dictionary<string, string> { [Webhook.HeaderName] = Webhook.Secret! }),
        VerifyTlsCertificates = verifyTls,
        FilterOptions = new PingOneSubscriptionFilter(PingOneActionTypes.Handled),
    };

    /// <summary>Every way <paramref name="existing"/> differs from what this gateway needs; empty when it is right.</summary>
    public IReadOnlyList<string> Differences(PingOneSubscription existing)
    {
        var differences = new List<string>();
        if (!existing.Enabled)
        {
            differences.Add("it is disabled (events accumulate, undelivered, for at most two weeks)");
        }

        if (!string.Equals(existing.HttpEndpoint.Url.TrimEnd('/'), Url.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"it posts to {existing.HttpEndpoint.Url}, not to {Url.AbsoluteUri}");
        }

        // Compared without printing either value: both are the shared secret.
        var headers = existing.HttpEndpoint.Headers ?? new Dictionary<string, string>();
        var sent = headers.FirstOrDefault(h => string.Equals(h.Key, Webhook.HeaderName, StringComparison.OrdinalIgnoreCase));
        if (sent.Key is null)
        {
            differences.Add($"it sends no {Webhook.HeaderName} header");
        }
        else if (!string.Equals(sent.Value, Webhook.Secret, StringComparison.Ordinal))
        {
            differences.Add($"its {Webhook.HeaderName} header is not {WebhookOptions.SectionName}:Secret");
        }

        var missing = PingOneActionTypes.Handled.Except(existing.FilterOptions.IncludedActionTypes, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            differences.Add($"it leaves out {string.Join(", ", missing)}");
        }

        return differences;
    }
}
