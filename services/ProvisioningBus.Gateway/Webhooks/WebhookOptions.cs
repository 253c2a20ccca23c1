namespace ProvisioningBus.Gateway.Webhooks;

/// <summary>How PingOne's subscription reaches us. Bound from <c>Gateway:Webhook</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Gateway:Webhook";

    public string Path { get; set; } = "/webhooks/pingone";

    /// <summary>
    /// The custom header PingOne's subscription sends (<c>httpEndpoint.headers</c>). PingOne signs nothing, so a
    /// shared secret in a header (or Basic credentials in <c>Authorization</c>) is how we know the caller.
    /// </summary>
    public string HeaderName { get; set; } = "X-Webhook-Secret";

    /// <summary>The expected header value. Required: an ingress without a secret would accept anyone's changes.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// The webhook URL as PingOne reaches it, e.g. <c>https://provisioning.example.com/webhooks/pingone</c>:
    /// <c>subscribe pingone</c> registers it and <c>doctor</c> checks the subscription still points at it.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The PingOne subscription's name: found by it, so running <c>subscribe pingone</c> again updates instead of adding.</summary>
    public string SubscriptionName { get; set; } = "ProvisioningBus";

    /// <summary>
    /// PingOne sends at most 500 events of about 1 KB per POST, so 4 MiB leaves room without inviting abuse.
    /// </summary>
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// PingOne client ids whose changes are not ours to forward: our own inbound applier's writes come back
    /// as webhooks and would otherwise loop.
    /// </summary>
    public List<string> IgnoredActorClientIds { get; set; } = [];

    /// <summary>
    /// When set, events of any other PingOne environment are ignored at the edge (counted as
    /// <c>foreign_environment</c>). Empty: every environment is forwarded and the rules decide.
    /// </summary>
    public List<string> AcceptedEnvironmentIds { get; set; } = [];

    /// <summary>
    /// PingOne sends at most 500 events per POST (<c>EVENTS_PER_PAYLOAD</c> 1–500), so more is not PingOne: refused
    /// with 413 before anything is published or parked.
    /// </summary>
    public int MaxEventsPerBatch { get; set; } = 500;

    /// <summary>
    /// How long a batch may wait for the broker's confirms. Past it the gateway answers 503 at once (PingOne retries
    /// the batch) instead of holding the request while RabbitMQ is unreachable.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
