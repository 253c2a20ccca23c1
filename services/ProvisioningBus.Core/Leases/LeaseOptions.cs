namespace ProvisioningBus.Core.Leases;

/// <summary>
/// How long each kind of store lease lives and how long work waits for one. Bound from the <c>Leases</c> section.
/// A time-to-live is how long a dead holder blocks the work (it is renewed every third of it while the holder lives);
/// a wait is how long a live holder may delay the next one before it gives up.
/// </summary>
public sealed class LeaseOptions
{
    public const string SectionName = "Leases";

    /// <summary>
    /// <c>user:{rule}:{id}</c> taken by the user consumer. Short: a killed worker's leases run out well within one
    /// <see cref="UserWait"/>, so the next worker takes over in one attempt instead of each held user costing its
    /// partition a whole failed wait (and a retry).
    /// </summary>
    public TimeSpan UserTtl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the user consumer waits for a user another change (or a resync) holds before it retries the message.</summary>
    public TimeSpan UserWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>user:{rule}:{id}</c> taken by a full resync for a chunk of bulk writes.</summary>
    public TimeSpan ResyncUserTtl { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a resync waits for a user an event holds (one read and one write) before it leaves that user out: the
    /// event applies a state at least as new.
    /// </summary>
    public TimeSpan ResyncUserWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>group:{rule}:{id}</c>: one instance creates, renames or deletes a Docusign group at a time.</summary>
    public TimeSpan GroupTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>resync:{rule}</c>: one full resync of an outbound rule at a time.</summary>
    public TimeSpan ResyncTtl { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary><c>rule-config:{rule}</c>: one instance compares a rule's configuration with the stored one and acts on it.</summary>
    public TimeSpan RuleTtl { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a starting instance waits for another that is acting on the same rule (a resync can take minutes).</summary>
    public TimeSpan RuleWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary><c>inbound-poll:{rule}</c>: one snapshot run of an inbound rule at a time.</summary>
    public TimeSpan InboundRunTtl { get; set; } = TimeSpan.FromMinutes(2);
}
