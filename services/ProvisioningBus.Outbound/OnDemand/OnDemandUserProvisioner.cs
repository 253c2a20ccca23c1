using ProvisioningBus.Contracts;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.Outbound.Users;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Users;
using ProvisioningBus.State;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Outbound.OnDemand;

/// <summary>
/// Provisions one PingOne user under one rule now (CLI <c>provision</c>, <c>POST /api/rules/{rule}/provision</c>).
/// The steps shown come from <see cref="OutboundUserDecision"/> with Docusign read, as the dry run and the resync ask
/// it; the write is the user consumer's own <see cref="UserBatchProvisioner"/>, so the user is provisioned exactly as
/// a PingOne event would have it (leases, link, ledger, provisioning log included).
/// </summary>
public sealed class OnDemandUserProvisioner(
    IPingOneClient pingOne, IDocusignClientProvider docusign, IProvisioningStore store, UserBatchProvisioner provisioner, TimeProvider time)
{
    /// <param name="user">A PingOne user id, or an email (one containing '@').</param>
    /// <param name="actor">Who asked: the CLI's OS user or the API caller, for the provisioning log.</param>
    public async Task<UserProvisionedNow> ProvisionAsync(CompiledOutboundRule rule, string user, bool dryRun, string actor, CancellationToken ct)
    {
        var steps = new List<ProvisionStep>();
        var found = user.Contains('@', StringComparison.Ordinal) ? await FindByEmailAsync(user, ct) : await pingOne.GetUserAsync(user, ct);
        if (found is null)
        {
            steps.Add(new("pingone.read", $"no PingOne user {user}"));
            return await FinishAsync(new UserProvisionedNow(rule.Name, null, dryRun, steps, "NotFound", ProvisionResult.NotFound), actor, ct);
        }

        steps.Add(new("pingone.read", $"{found.Username} ({found.Id}), email {found.Email ?? "none"}, enabled {found.Enabled?.ToString() ?? "unknown"}, population {found.Population?.Id ?? "none"}"));
        var link = await store.UserLinks.GetAsync(rule.Name, found.Id, ct);
        var first = OutboundUserDecision.Decide(rule, found, link, DocusignUserLookup.NotDone);
        var inScope = first.Kind is not (OutboundUserActionKind.Forget or OutboundUserActionKind.Unlink or OutboundUserActionKind.Deprovision);
        steps.Add(new("scope", inScope ? "in the rule's scope" : "not in the rule's scope" + (link is null ? " and never provisioned" : $", provisioned as Docusign user {link.DocusignUserId}")));
        if (first.Wanted is { } wanted)
        {
            steps.Add(new("mapping", string.Join(", ", MappedAttributes(wanted))));
        }

        var target = docusign.Get(rule.Options.TargetConnection);
        var decision = first;
        if (inScope && first.Kind != OutboundUserActionKind.Fail)
        {
            var existing = link is not null ? await target.GetUserAsync(link.DocusignUserId, ct) : await target.FindUserByEmailAsync(first.Wanted!.User.Email, ct);
            steps.Add(new("docusign.lookup", existing is null
                ? link is null ? $"no Docusign user with email {first.Wanted!.User.Email}" : $"linked Docusign user {link.DocusignUserId} is gone"
                : $"{(link is null ? "found by email" : "linked")}: Docusign user {existing.UserId}, status {existing.StatusText ?? "unknown"}"));
            decision = OutboundUserDecision.Decide(rule, found, link, DocusignUserLookup.Of(existing));
        }

        steps.Add(new("decision", Describe(decision)));
        if (dryRun)
        {
            return await FinishAsync(new UserProvisionedNow(rule.Name, found.Id, dryRun, steps, decision.Kind.ToString(), ProvisionResult.Planned), actor, ct);
        }

        var change = new UserChange(found.Id, Deleted: false, time.GetUtcNow(), found.Username) { EventId = $"on-demand-{Guid.NewGuid():N}" };
        var outcome = (await provisioner.ApplyAsync(rule, [change], ct))[found.Id];
        var recorded = await store.Ledger.GetAsync(rule.Name, EntityKind.User, found.Id, ct);
        var answer = recorded is { ErrorCode: not null } ? $": {recorded.ErrorCode} {recorded.ErrorMessage}" : "";
        var linked = await store.UserLinks.GetAsync(rule.Name, found.Id, ct);
        steps.Add(new("docusign.write", $"{outcome}{(linked is null ? "" : $" (Docusign user {linked.DocusignUserId})")}{answer}"));
        return await FinishAsync(new UserProvisionedNow(rule.Name, found.Id, dryRun, steps, outcome.ToString(), ResultOf(outcome)), actor, ct);
    }

    private async Task<UserProvisionedNow> FinishAsync(UserProvisionedNow report, string actor, CancellationToken ct)
    {
        // Who asked goes in the log next to what the consumer's path recorded for the user.
        await store.ProvisioningLog.AppendManyAsync(
        [
            new ProvisioningLogEntry(time.GetUtcNow(), report.RuleName, ProvisioningLogValues.Operator, "user", report.PingOneUserId ?? "unknown", report.PingOneUserId ?? "unknown",
                report.DryRun ? "provision --dry-run" : "provision",
                report.Result switch
                {
                    ProvisionResult.Synced or ProvisionResult.Planned => ProvisioningLogValues.Success,
                    ProvisionResult.Skipped => ProvisioningLogValues.Skipped,
                    _ => ProvisioningLogValues.Failed,
                })
            {
                Actor = actor,
                Reason = report.Outcome,
                TraceId = ProvisioningLogEntries.CurrentTraceId(),
            },
        ], ct);
        return report;
    }

    private async Task<PingOneUser?> FindByEmailAsync(string email, CancellationToken ct)
    {
        // PingOne's SCIM filter takes a quoted string; a quote inside the email would end it early.
        var quoted = email.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        await foreach (var user in pingOne.ListUsersAsync($"email eq \"{quoted}\"", ct))
        {
            return user;
        }

        return null;
    }

    private static IEnumerable<string> MappedAttributes(WantedDocusignUser wanted)
    {
        var user = wanted.User;
        yield return $"userName={user.UserName}";
        yield return $"email={user.Email}";
        foreach (var (name, value) in new[] { ("firstName", user.FirstName), ("lastName", user.LastName), ("jobTitle", user.JobTitle), ("userStatus", user.UserStatus) })
        {
            if (value is not null)
            {
                yield return $"{name}={value}";
            }
        }

        foreach (var (name, value) in user.Optional())
        {
            yield return $"{name}={value}";
        }
    }

    private static string Describe(OutboundUserAction action)
    {
        var changes = action.Changes.Count == 0 ? "" : " (" + string.Join(", ", action.Changes.Select(c => $"{c.Attribute}: {c.From ?? "∅"} → {c.To ?? "∅"}")) + ")";
        var reason = action.Reason is null ? "" : $": {action.ErrorCode} {action.Reason}";
        return $"{action.Kind}{changes}{reason}";
    }

    private static ProvisionResult ResultOf(UserProvisioningOutcome outcome) => outcome switch
    {
        UserProvisioningOutcome.Created or UserProvisioningOutcome.Adopted or UserProvisioningOutcome.Updated or UserProvisioningOutcome.Unchanged
            or UserProvisioningOutcome.Closed or UserProvisioningOutcome.Reactivated => ProvisionResult.Synced,
        UserProvisioningOutcome.Failed => ProvisionResult.Failed,
        UserProvisioningOutcome.NotFound => ProvisionResult.NotFound,
        _ => ProvisionResult.Skipped,
    };
}
