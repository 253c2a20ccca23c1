using ProvisioningBus.Contracts;
using ProvisioningBus.Docusign;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.Inbound.Snapshots;
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
        var current = new List<SnapshotUser>();
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

        SnapshotDiffer.Order(current);
        var linked = new Dictionary<string, InboundLink>(SnapshotRow.IdOrder);
        await foreach (var link in links.ListByRuleAsync(rule.Name, ct))
        {
            linked[link.DocusignUserId] = link;
        }

        var provisioned = new HashSet<string>(linked.Keys, SnapshotRow.IdOrder);
        var directory = await PingOneDirectory.ReadAsync(pingOne, ct);
        var differences = new List<(SnapshotDifference Difference, bool Deletes)>();
        long appeared = 0, changed = 0, disappeared = 0;
        await foreach (var difference in SnapshotDiffer.DiffAsync(current, snapshots.ReadOrderedAsync(rule.Name, ct), everyUser: true, ct))
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

    /// <summary>The decisions of the inbound user applier, taken on what was read instead of by writing.</summary>
    private static PlannedPingOneUser Project(
        CompiledInboundRule rule, SnapshotDifference difference, Dictionary<string, InboundLink> linked, PingOneDirectory directory, bool held)
    {
        var id = difference.DocusignUserId;
        var attributes = difference.Current?.Attributes ?? SnapshotRows.ReadAttributes(difference.Previous!);
        var name = attributes.Email is { Length: > 0 } email ? email : id;
        PlannedPingOneUser Planned(PlannedPingOneAction action, string? pingOneUserId, IReadOnlyList<PingOneAttributeChange>? changes = null, string? reason = null) =>
            new(id, name, difference.Kind, action, pingOneUserId, changes ?? [], action == PlannedPingOneAction.Delete && held, reason);

        if (difference.Current is { } now && rule.Provisions(now.Attributes))
        {
            MappedPingOneUser mapped;
            try
            {
                mapped = rule.Mapping.Map(id, now.Attributes);
            }
            catch (UnmappableUserException exception)
            {
                return Planned(PlannedPingOneAction.Fail, null, reason: exception.Message);
            }

            if (linked.TryGetValue(id, out var link) && directory.ById.TryGetValue(link.PingOneUserId, out var linkedUser))
            {
                var changes = Changes(linkedUser, mapped);
                return Planned(changes.Count == 0 ? PlannedPingOneAction.Unchanged : PlannedPingOneAction.Update, linkedUser.Id, changes);
            }

            var ours = directory.ByExternalId.GetValueOrDefault(id);
            if (ours is not null && (string.IsNullOrEmpty(rule.Options.TargetPopulationId) || ours.Population?.Id == rule.Options.TargetPopulationId))
            {
                return Planned(PlannedPingOneAction.Adopt, ours.Id, Changes(ours, mapped));
            }

            var existing = directory.ByUsername.GetValueOrDefault(mapped.Username) ?? directory.ByEmail.GetValueOrDefault(mapped.Email) ?? ours;
            if (existing is not null)
            {
                return Planned(PlannedPingOneAction.LeaveExisting, existing.Id,
                    reason: $"PingOne user {existing.Id} has the same username or email and was not provisioned by this rule; it is left unchanged");
            }

            return Planned(PlannedPingOneAction.Create, null, Created(mapped, rule.Options.TargetPopulationId));
        }

        if (linked.TryGetValue(id, out var provisioned))
        {
            return Planned(PlannedPingOneAction.Delete, provisioned.PingOneUserId);
        }

        return Planned(PlannedPingOneAction.NotProvisioned, null, reason: difference.Current is { } inactive
            ? $"Docusign status is {inactive.Attributes.UserStatus}; Sync Only Active Users provisions Active users only"
            : "The rule never provisioned this user");
    }

    private static List<PingOneAttributeChange> Created(MappedPingOneUser mapped, string? populationId) =>
    [
        .. new[]
        {
            new PingOneAttributeChange("username", null, mapped.Username),
            new PingOneAttributeChange("email", null, mapped.Email),
            new PingOneAttributeChange("name.given", null, mapped.GivenName),
            new PingOneAttributeChange("name.family", null, mapped.FamilyName),
            new PingOneAttributeChange("name.middle", null, mapped.MiddleName),
            new PingOneAttributeChange("name.formatted", null, mapped.FormattedName),
            new PingOneAttributeChange("title", null, mapped.Title),
            new PingOneAttributeChange("population.id", null, populationId),
        }.Where(change => !string.IsNullOrEmpty(change.To)),
    ];

    /// <summary>
    /// What the applier's PATCH would carry. PATCH cannot clear an attribute (fact sheet §2.3: omitted attributes stay),
    /// so only mapped values that are set count.
    /// </summary>
    private static List<PingOneAttributeChange> Changes(PingOneUser current, MappedPingOneUser mapped)
    {
        var changes = new List<PingOneAttributeChange>();
        Compare("username", current.Username, mapped.Username);
        Compare("email", current.Email, mapped.Email);
        var nameParts = new[]
        {
            ("name.given", current.Name?.Given, mapped.GivenName),
            ("name.family", current.Name?.Family, mapped.FamilyName),
            ("name.middle", current.Name?.Middle, mapped.MiddleName),
            ("name.formatted", current.Name?.Formatted, mapped.FormattedName),
        };
        foreach (var (attribute, from, to) in nameParts)
        {
            Compare(attribute, from, to);
        }

        Compare("title", current.Title, mapped.Title);
        return changes;

        void Compare(string attribute, string? from, string? to)
        {
            if (Differs(from, to))
            {
                changes.Add(new PingOneAttributeChange(attribute, from, to));
            }
        }
    }

    private static bool Differs(string? current, string? wanted) => wanted is not null && !string.Equals(current, wanted, StringComparison.Ordinal);
}
