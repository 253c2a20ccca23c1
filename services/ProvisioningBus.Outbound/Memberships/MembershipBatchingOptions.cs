namespace ProvisioningBus.Outbound.Memberships;

/// <summary>How membership changes are gathered into bulk Docusign calls. Bound from <c>Outbound:Memberships</c>.</summary>
public sealed class MembershipBatchingOptions
{
    public const string SectionName = "Outbound:Memberships";

    /// <summary>Docusign's bulk limit: the most users in one group member call.</summary>
    public const int MembersPerCall = 500;

    /// <summary>The most changes one batch may gather (it holds that many unacknowledged messages).</summary>
    public const int MaxBatchMessageLimit = 10_000;

    /// <summary>
    /// How long a batch waits for more changes after its first one before it is applied. A burst spread over many
    /// groups costs one call per group per batch, so a longer gathering time is fewer calls; one change waits this long.
    /// </summary>
    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most changes in one batch; a group's share is sent in calls of up to <see cref="MembersPerCall"/>.</summary>
    public int BatchMessageLimit { get; set; } = 2_000;

    /// <summary>
    /// Batches applied at once per instance. 1 (the default) applies batches in queue order, so a newer change never
    /// overtakes an older one; the price is that a batch waiting between retries holds the queue for that time.
    /// More than 1 keeps the queue moving, but two batches may then touch the same (user, group) pair concurrently.
    /// </summary>
    public int BatchConcurrencyLimit { get; set; } = 1;

    /// <summary>
    /// How long a membership of a user without a link waits for the user consumer to provision that user. After it,
    /// the user counts as out of the rule's scope and the membership is not pushed (a full resync still repairs it).
    /// Keep it shorter than <c>Resilience:Redelivery:Ceiling</c> (15 minutes by default).
    /// </summary>
    public TimeSpan UnprovisionedUserGracePeriod { get; set; } = TimeSpan.FromSeconds(30);
}
