using MassTransit;
using Microsoft.Extensions.Configuration;
using ProvisioningBus.Contracts;
using ProvisioningBus.State;
using ProvisioningBus.State.Rules;

namespace ProvisioningBus.Core.Rules;

/// <summary>
/// The deletions a rule's mass-deletion guard is holding, and the command that releases them: an inbound snapshot's
/// PingOne deletions, or an outbound resync's (or a deleted outbound rule's) Docusign closes. One decision for the
/// CLI's <c>approve-deletions</c> and the status page's Approve button.
/// </summary>
/// <param name="HoldId">The held snapshot (inbound) or hold (outbound); only this hold is released.</param>
public sealed record HeldDeletions(string Rule, bool Inbound, Guid HoldId, string? Reason)
{
    /// <summary>
    /// The rule's held deletions; <see cref="HeldDeletionsLookup.RuleKnown"/> is false when the rule is neither
    /// configured nor known to the store (a deleted rule is known only to the store, and its holds are approved all the same).
    /// </summary>
    public static async Task<HeldDeletionsLookup> FindAsync(IConfiguration configuration, IProvisioningStore store, string rule, CancellationToken ct)
    {
        var configuredInbound = configuration.GetSection($"Inbound:Rules:{rule}").Exists();
        var configuredOutbound = configuration.GetSection($"Outbound:Rules:{rule}").Exists();
        var state = await store.RuleStates.GetAsync(rule, ct);
        var inbound = configuredInbound || (state?.Direction == RuleDirection.Inbound && !configuredOutbound);
        var outbound = !inbound && (configuredOutbound || state?.Direction == RuleDirection.Outbound);
        if (!inbound && !outbound)
        {
            return new HeldDeletionsLookup(RuleKnown: false, null);
        }

        return new HeldDeletionsLookup(
            RuleKnown: true,
            state?.PendingApprovalSnapshotId is { } holdId ? new HeldDeletions(rule, inbound, holdId, state.PendingApprovalReason) : null);
    }

    /// <summary>Publishes the approval; it returns once the broker confirmed it (publisher confirms are on).</summary>
    /// <param name="approvedBy">Who approved: the CLI's OS user or the API caller, kept in the provisioning log.</param>
    public Task PublishApprovalAsync(IPublishEndpoint bus, string approvedBy, DateTimeOffset at, CancellationToken ct) =>
        Inbound
            ? bus.Publish(new ApproveInboundDeletions { RuleName = Rule, SnapshotId = HoldId, ApprovedBy = approvedBy, ApprovedAt = at }, ct)
            : bus.Publish(new SyncRule { RuleName = Rule, Kind = SyncKind.FullResync, RequestedBy = approvedBy, RequestedAt = at, ApprovedDeletions = HoldId }, ct);

    /// <summary>What happens next, for the operator.</summary>
    public string Approved => Inbound ? $"Deletions of snapshot {HoldId} approved." : $"Deletions held as {HoldId} approved; a full resync applies them.";

    /// <summary>The provisioning log's reason for the approval.</summary>
    public string LogReason => $"held as {HoldId}: {Reason}";
}

/// <summary>Whether the rule is known, and what it holds (null when nothing).</summary>
public sealed record HeldDeletionsLookup(bool RuleKnown, HeldDeletions? Held);
