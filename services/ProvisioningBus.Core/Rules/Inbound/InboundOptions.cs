namespace ProvisioningBus.Core.Rules.Inbound;

/// <summary>Every inbound rule by name, and how the snapshot poller runs them. Bound from the <c>Inbound</c> section.</summary>
public sealed class InboundOptions
{
    public const string SectionName = "Inbound";

    public Dictionary<string, InboundRuleOptions> Rules { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often the poller checks whether a rule is due (initial, daily, or a changed configuration).</summary>
    public TimeSpan ScheduleCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after a failed scheduled run the poller tries again (a retry costs a full Docusign listing).</summary>
    public TimeSpan FailedRunRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Differences published at once before waiting for the broker's confirms.</summary>
    public int PublishWindow { get; set; } = 256;

    /// <summary>
    /// The share of the Docusign account's budget (each burst window and hour) the poll's listing leaves to live outbound
    /// work, from 0 to below 1: a 1M-user listing is 10,000 calls, more than three hours of an account's whole budget.
    /// </summary>
    public double PollLiveReserve { get; set; } = 0.5;

    /// <summary>
    /// Holds the deprovisioning of a deleted rule (<see cref="InboundRuleOptions.DeprovisionOnRuleDeletion"/>) that would
    /// remove more PingOne users than <see cref="MassDeletionGuardOptions.MaxDeletions"/> until an operator approves.
    /// The percentage is not read: a deleted rule removes all its users, so only the count tells a small rule from a directory.
    /// </summary>
    public MassDeletionGuardOptions DeletedRuleGuard { get; set; } = new();
}
