namespace ProvisioningBus.Docusign;

/// <summary>
/// The account's remaining API budget as the last response's X-RateLimit-* / X-BurstLimit-* headers told it
/// (fact sheet §6), so callers can pace themselves. Null values: not observed yet.
/// </summary>
public interface IDocusignRateBudget
{
    /// <summary>Requests allowed per hour (default 3,000).</summary>
    int? HourlyLimit { get; }

    int? HourlyRemaining { get; }

    /// <summary>When the hourly window resets (X-RateLimit-Reset, epoch seconds).</summary>
    DateTimeOffset? HourlyResetsAt { get; }

    int? BurstLimit { get; }

    int? BurstRemaining { get; }

    /// <summary>When the headers were last read.</summary>
    DateTimeOffset? ObservedAt { get; }

    /// <summary>Set after a rate-limit answer: calls on this connection wait until then.</summary>
    DateTimeOffset? BlockedUntil { get; }
}
