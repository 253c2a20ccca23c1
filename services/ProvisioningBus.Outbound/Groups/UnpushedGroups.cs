using ProvisioningBus.Core.Rules;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.State;
using ProvisioningBus.State.Groups;

namespace ProvisioningBus.Outbound.Groups;

/// <summary>
/// The groups a rule still links but no longer pushes (taken out of <c>GroupsToPush</c>): their Docusign groups are
/// deleted, or only forgotten under <see cref="RemovedGroupAction.Unlink"/>. Checked at every start-up and every full
/// resync, since a change of Groups to push alone calls for no user resync.
/// </summary>
public sealed class UnpushedGroups(IProvisioningStore store, GroupProvisioner provisioner, GroupLedger ledger, ILogger<UnpushedGroups> logger)
{
    /// <returns>How many groups the rule let go.</returns>
    public async Task<int> ReleaseAsync(CompiledOutboundRule rule, CancellationToken ct)
    {
        var pushed = rule.Options.GroupsToPush.ToHashSet(StringComparer.Ordinal);
        var unpushed = new List<GroupLink>();
        await foreach (var link in store.GroupLinks.ListByRuleAsync(rule.Name, ct))
        {
            if (!pushed.Contains(link.PingOneGroupId))
            {
                unpushed.Add(link);
            }
        }

        foreach (var link in unpushed)
        {
            if (rule.Options.RemovedGroupAction == RemovedGroupAction.Delete)
            {
                var deleted = await provisioner.DeleteAsync(rule, link.PingOneGroupId, ct);
                await ledger.ForgetAsync(rule, link.PingOneGroupId, link.Name, deleted, null, "left Groups to push", ct);
            }
            else
            {
                await store.Memberships.RemoveAllForGroupAsync(rule.Name, link.PingOneGroupId, ct);
                await store.GroupLinks.DeleteAsync(rule.Name, link.PingOneGroupId, ct);
                await ledger.ForgetAsync(rule, link.PingOneGroupId, ct);
            }

            logger.LogInformation(
                "Rule {Rule}: PingOne group {PingOneGroupId} left Groups to push; Docusign group {DocusignGroupId} ({Name}) {Done}",
                rule.Name, link.PingOneGroupId, link.DocusignGroupId, link.Name, rule.Options.RemovedGroupAction == RemovedGroupAction.Delete ? "deleted" : "unlinked and left in Docusign");
        }

        return unpushed.Count;
    }
}
