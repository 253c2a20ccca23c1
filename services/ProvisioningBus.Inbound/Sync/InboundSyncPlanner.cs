using ProvisioningBus.Contracts;
using ProvisioningBus.Docusign;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.Inbound.Snapshots;
using ProvisioningBus.Inbound.Users;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Users;
using ProvisioningBus.State.Inbound;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>
/// Previews a full sync of one inbound rule: the snapshot diff <see cref="InboundSyncRunner"/> would publish (every
/// user present in both snapshots, as a full resync does), the mass-deletion guard's verdict on it, and what the
/// inbound user applier would then do to each PingOne user. Only reads: no lease is taken, nothing is published, the
/// snapshot is not stored and PingOne is only listed.
/// </summary>
public sealed class InboundSyncPlanner(
    IDocusignClientProvider docusign,
    IInboundSnapshotStore snapshots,
    IInboundLinkStore links,
    IPingOneClient pingOne)
{
    public async Task<InboundSyncPlan> PlanAsync(CompiledInboundRule rule, CancellationToken ct)
    {
        using var current = new SnapshotSorter();
        long filteredOut = 0;
        await foreach (var user in docusign.Get(rule.Options.SourceConnection).ListUsersAsync(null, ct))
        {
            var taken = SnapshotRows.FromDocusign(user);
            if (rule.Filter.Includes(taken.DocusignUserId, taken.Attributes))
            {
                current.Add(taken);
            }
            else
            {
                filteredOut++;
            }
        }

        var linked = new Dictionary<string, InboundLink>(SnapshotRow.IdOrder);
        await foreach (var link in links.ListByRuleAsync(rule.Name, ct))
        {
            linked[link.DocusignUserId] = link;
        }

        var provisioned = new HashSet<string>(linked.Keys, SnapshotRow.IdOrder);
        var directory = await PingOneDirectory.ReadAsync(pingOne, ct);
        var differences = new List<(SnapshotDifference Difference, bool Deletes)>();
        long appeared = 0, changed = 0, disappeared = 0;
        await foreach (var difference in SnapshotDiffer.DiffAsync(current.ReadOrderedAsync(), snapshots.ReadOrderedAsync(rule.Name, ct), everyUser: true, ct))
        {
            switch (difference.Kind)
            {
                case SnapshotDifferenceKind.Appeared:
                    appeared++;
                    break;
                case SnapshotDifferenceKind.Changed when !string.Equals(SnapshotRows.Unmarked(difference.Previous!.AttributesHash).Hash, difference.Current!.Hash, StringComparison.Ordinal):
                    changed++;
                    break;
                case SnapshotDifferenceKind.Disappeared:
                    disappeared++;
                    break;
            }

            differences.Add((difference, difference.Kind != SnapshotDifferenceKind.Appeared && InboundSyncRunner.WouldDelete(rule, difference, provisioned)));
        }

        // A dry run approves nothing, so every deletion is undecided, as in a sync nobody approved.
        var deletions = differences.Count(candidate => candidate.Deletes);
        var guard = new MassDeletionVerdict(deletions, provisioned.Count, MassDeletionGuard.Check(rule.Options.MassDeletionGuard, deletions, provisioned.Count));
        var users = differences
            .Select(candidate => Project(rule, candidate.Difference, linked, directory, held: candidate.Deletes && guard.Holds))
            .ToList();
        return new InboundSyncPlan(rule.Name, rule.Options.Enabled, users, appeared, changed, disappeared, filteredOut, guard);
    }

    /// <summary>The inbound user decision, asked with what was read instead of by the applier's own reads.</summary>
    private static PlannedPingOneUser Project(
        CompiledInboundRule rule, SnapshotDifference difference, Dictionary<string, InboundLink> linked, PingOneDirectory directory, bool held)
    {
        var id = difference.DocusignUserId;
        var attributes = difference.Current?.Attributes ?? SnapshotRows.ReadAttributes(difference.Previous!);
        var link = linked.GetValueOrDefault(id);
        var action = InboundUserDecision.Decide(rule, id, difference.Current?.Attributes, link, pingOne: null);
        if (action.Kind == InboundUserActionKind.LookUpPingOne)
        {
            var mapped = action.Mapped!;
            var lookup = new PingOneUserLookup(
                link is null ? null : directory.ById.GetValueOrDefault(link.PingOneUserId),
                directory.ByExternalId.GetValueOrDefault(id),
                directory.ByUsername.GetValueOrDefault(mapped.Username),
                directory.ByEmail.GetValueOrDefault(mapped.Email));
            action = InboundUserDecision.Decide(rule, id, difference.Current!.Attributes, link, lookup);
        }

        var planned = Planned(action.Kind);
        return new PlannedPingOneUser(
            id,
            attributes.Email is { Length: > 0 } email ? email : id,
            difference.Kind,
            planned,
            action.PingOneUserId,
            action.Changes,
            (planned is PlannedPingOneAction.Delete or PlannedPingOneAction.Disable) && held,
            action.Reason);
    }

    private static PlannedPingOneAction Planned(InboundUserActionKind kind) => kind switch
    {
        InboundUserActionKind.Create => PlannedPingOneAction.Create,
        InboundUserActionKind.Adopt => PlannedPingOneAction.Adopt,
        InboundUserActionKind.Update => PlannedPingOneAction.Update,
        InboundUserActionKind.Unchanged => PlannedPingOneAction.Unchanged,
        InboundUserActionKind.Delete => PlannedPingOneAction.Delete,
        InboundUserActionKind.Disable => PlannedPingOneAction.Disable,
        InboundUserActionKind.LeaveExisting => PlannedPingOneAction.LeaveExisting,
        InboundUserActionKind.NotProvisioned => PlannedPingOneAction.NotProvisioned,
        InboundUserActionKind.Fail => PlannedPingOneAction.Fail,
        _ => throw new InvalidOperationException($"The inbound user decision {kind} is not a planned action."),
    };
}
