namespace ProvisioningBus.PingOne.Subscriptions;

/// <summary>A webhook subscription (pingone-api.md §1.2), the fields this service sets and reads.</summary>
public sealed record PingOneSubscription
{
    public string? Id { get; init; }

    public required string Name { get; init; }

    public required bool Enabled { get; init; }

    /// <summary>ACTIVITY, "the same used by the PingOne API for accessing event data using Audit Activities".</summary>
    public string Format { get; init; } = "ACTIVITY";

    public required PingOneSubscriptionEndpoint HttpEndpoint { get; init; }

    public required bool VerifyTlsCertificates { get; init; }

    public required PingOneSubscriptionFilter FilterOptions { get; init; }

    /// <summary>Never the header values: they hold the shared secret.</summary>
    public override string ToString() => $"PingOneSubscription {{ Id = {Id}, Name = {Name}, Enabled = {Enabled}, Url = {HttpEndpoint.Url} }}";
}
