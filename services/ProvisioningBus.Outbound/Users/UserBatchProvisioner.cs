using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Core.Leases;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Memberships;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.PingOne;
using ProvisioningBus.ServiceDefaults;
using ProvisioningBus.State;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// Reconciles a batch of PingOne user changes under one rule with Docusign's bulk calls: one statement for the users'
/// leases and one for their links, PingOne reads in parallel, one <see cref="OutboundUserDecision"/> per user, then one
/// <c>POST /users</c> for the creates, one <c>PUT /users</c> for the updates and one <c>DELETE /users</c> for the closes,
/// each answer read per item (a failed item fails its user, not the batch). Level-triggered: the event only says which
/// user changed, the PingOne read says what it is now, so a redelivered batch is harmless; a delete is believed only
/// when PingOne no longer has the user.
/// </summary>
public sealed class UserBatchProvisioner(
    IPingOneClient pingOne,
    IDocusignClientProvider docusign,
    IProvisioningStore store,
    ConnectionSwitch connections,
    UserProvisioner oneByOne,
    DocusignAccountDirectory directory,
    DeprovisionedUserMemberships memberships,
    WorkerInstance instance,
    IOptions<LeaseOptions> leaseTimes,
    IOptions<UserBatchOptions> options,
    TimeProvider time,
    ILogger<UserBatchProvisioner> logger)
{
    /// <summary>Applies the changes (any number; one per user is kept, the latest) and returns each user's outcome.</summary>
    public async Task<IReadOnlyDictionary<string, UserProvisioningOutcome>> ApplyAsync(CompiledOutboundRule rule, IReadOnlyList<UserChange> changes, CancellationToken ct)
    {
        var latest = changes.GroupBy(change => change.UserId, StringComparer.Ordinal).Select(group => group.MaxBy(change => change.RecordedAt)!).ToList();
        var outcomes = new Dictionary<string, UserProvisioningOutcome>(StringComparer.Ordinal);
        foreach (var chunk in latest.Chunk(UserBatchOptions.MaxBatchMessageLimit))
        {
            foreach (var (user, outcome) in await ApplyChunkAsync(rule, chunk, ct))
            {
                outcomes[user] = outcome;
            }
        }

        return outcomes;
    }

    private async Task<IReadOnlyDictionary<string, UserProvisioningOutcome>> ApplyChunkAsync(CompiledOutboundRule rule, IReadOnlyList<UserChange> changes, CancellationToken ct)
    {
        var names = changes.Select(change => LeaseNames.User(rule.Name, change.UserId)).ToList();
        var outcomes = new Dictionary<string, UserProvisioningOutcome>(StringComparer.Ordinal);
        await using (var lease = await HeldLease.AcquireManyAsync(store.Leases, names, instance.Id, leaseTimes.Value.UserTtl, time, logger, ct))
        {
            var held = lease.Names.ToHashSet(StringComparer.Ordinal);
            using var guarded = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
            await ApplyHeldAsync(rule, [.. changes.Where((_, i) => held.Contains(names[i]))], outcomes, guarded.Token);
        }

        // Users another batch or instance is applying right now: wait for each (rare), then apply it the same way.
        var busy = changes.Where(change => !outcomes.ContainsKey(change.UserId)).ToList();
        await Parallel.ForEachAsync(busy, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (change, token) =>
        {
            var name = LeaseNames.User(rule.Name, change.UserId);
            await using var lease = await HeldLease.AcquireAsync(store.Leases, name, instance.Id, leaseTimes.Value.UserTtl, leaseTimes.Value.UserWait, time, logger, token)
                ?? throw new UserLeaseUnavailableException(name);
            using var guarded = CancellationTokenSource.CreateLinkedTokenSource(token, lease.Lost);
            var one = new Dictionary<string, UserProvisioningOutcome>(StringComparer.Ordinal);
            await ApplyHeldAsync(rule, [change], one, guarded.Token);
            lock (outcomes)
            {
                outcomes[change.UserId] = one[change.UserId];
            }
        });
        return outcomes;
    }

    private async Task ApplyHeldAsync(CompiledOutboundRule rule, IReadOnlyList<UserChange> changes, Dictionary<string, UserProvisioningOutcome> outcomes, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return;
        }

        using var spans = UserBatchSpans.Start(rule, changes);
        try
        {
            await DecideAndWriteAsync(rule, changes, outcomes, spans, ct);
            spans.Complete(outcomes);
        }
        catch (Exception failure)
        {
            spans.Retrying(failure);
            throw;
        }
    }

    private async Task DecideAndWriteAsync(
        CompiledOutboundRule rule, IReadOnlyList<UserChange> changes, Dictionary<string, UserProvisioningOutcome> outcomes, UserBatchSpans spans, CancellationToken ct)
    {
        var links = await store.UserLinks.GetManyAsync(rule.Name, [.. changes.Select(change => change.UserId)], ct);
        var reads = await ReadPingOneAsync(changes, spans, ct);
        var writes = new UserBatchWrites(rule.Name, time);
        var work = new List<Pending>();
        var enabled = connections.IsEnabled(rule.Options.TargetConnection);
        foreach (var change in changes)
        {
            var user = reads[change.UserId];
            var link = links.GetValueOrDefault(change.UserId);
            var subject = new UserSubject(rule, user, change.UserId, user?.Username ?? change.UserName ?? change.UserId, user?.UpdatedAt ?? change.RecordedAt)
            {
                EventId = change.EventId,
                // The change's own trace, which a batch's bulk calls do not run in.
                TraceId = change.Trace != default ? change.Trace.TraceId.ToHexString() : Activity.Current?.TraceId.ToHexString(),
            };
            if (link is not null && link.SourceVersion > subject.Version)
            {
                logger.LogInformation("Rule {Rule}: ignoring a change of PingOne user {PingOneUserId} older than the state already applied", rule.Name, change.UserId);
                writes.Outcomes[change.UserId] = UserProvisioningOutcome.Stale;
                continue;
            }

            var action = OutboundUserDecision.Decide(rule, user, link, DocusignUserLookup.NotDone);
            if (action.Kind == OutboundUserActionKind.Forget)
            {
                Forget(writes, subject, change);
            }
            else if (!enabled)
            {
                // Mission §2: nothing is written through a disabled connection; re-enabling it runs a full resync.
                writes.Record(subject, SyncOutcome.Skipped, "CONNECTION_DISABLED",
                    $"Docusign connection '{rule.Options.TargetConnection}' is disabled; the change will be reconciled when it is enabled again.", UserProvisioningOutcome.Skipped);
            }
            else
            {
                work.Add(new Pending(subject, link, action, change.Trace));
            }
        }

        if (work.Count > 0)
        {
            var target = docusign.Get(rule.Options.TargetConnection);
            var decided = await MatchUnlinkedAsync(target, work, writes, ct);
            await new UserBulkWriter(target, oneByOne, directory, writes, logger).WriteAsync(decided, ct);
            await memberships.RemoveAsync(rule.Name, target, [.. writes.Deprovisioned.Select(id => links[id])], ct);
        }

        await writes.FlushAsync(store, ct);
        foreach (var (user, outcome) in writes.Outcomes)
        {
            outcomes[user] = outcome;
        }
    }

    private void Forget(UserBatchWrites writes, UserSubject subject, UserChange change)
    {
        if (subject.User is null && !change.Deleted)
        {
            // Either a user PingOne never had or a late event of one deleted since: the two look alike, so this is a
            // log line and a count, not a ledger entry that would outlive the deleted user.
            logger.LogInformation("Rule {Rule}: PingOne user {PingOneUserId} was not found in PingOne; nothing to do in Docusign", subject.Rule.Name, subject.PingOneUserId);
            writes.Forget(subject, UserProvisioningOutcome.NotFound, reason: "Not found in PingOne.");
            return;
        }

        // Never provisioned and not in scope: not this rule's business (forget any earlier Unsynced/Skipped entry).
        writes.Forget(subject, UserProvisioningOutcome.Skipped, reason: "Not in the rule's scope and never provisioned.");
    }

    private async Task<Dictionary<string, PingOne.Users.PingOneUser?>> ReadPingOneAsync(IReadOnlyList<UserChange> changes, UserBatchSpans spans, CancellationToken ct)
    {
        var reads = new Dictionary<string, PingOne.Users.PingOneUser?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(changes, new ParallelOptions { MaxDegreeOfParallelism = options.Value.PingOneReadConcurrency, CancellationToken = ct }, async (change, token) =>
        {
            // A delete too is read back: a stray, replayed or forged USER.DELETED of a live user must close nothing.
            spans.Enter(change.UserId);
            var user = await pingOne.GetUserAsync(change.UserId, token);
            lock (reads)
            {
                reads[change.UserId] = user;
            }
        });
        return reads;
    }

    /// <summary>
    /// Unlinked users in scope are matched by email before anything is created: against a listing of the account when
    /// that is cheaper than one lookup each (<see cref="DocusignAccountDirectory"/>), else one <c>GET /users?email=</c> each.
    /// </summary>
    private async Task<List<Pending>> MatchUnlinkedAsync(IDocusignAccountClient target, List<Pending> work, UserBatchWrites writes, CancellationToken ct)
    {
        var unlinked = work.Where(item => item.Action.Kind == OutboundUserActionKind.LookUpByEmail).ToList();
        if (unlinked.Count == 0)
        {
            return work;
        }

        var listing = await directory.ForLookupsAsync(target, unlinked.Count, ct);
        var matched = new Dictionary<Pending, Pending>();
        await Parallel.ForEachAsync(unlinked, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (item, token) =>
        {
            var email = item.Action.Wanted!.User.Email;
            try
            {
                var existing = listing is not null ? listing.Find(email) : await target.FindUserByEmailAsync(email, token);
                var decided = item with { Action = OutboundUserDecision.Decide(item.Subject.Rule, item.Subject.User, null, DocusignUserLookup.Of(existing)) };
                lock (matched)
                {
                    matched[item] = decided;
                }
            }
            catch (Exception ex) when (FailureClassifier.Classify(ex) is { IsPermanent: true } failure)
            {
                lock (writes)
                {
                    writes.Record(item.Subject, SyncOutcome.Failed, failure.ErrorCode, failure.Message, UserProvisioningOutcome.Failed, item.Action);
                }
            }
        });
        return [.. work.Where(item => item.Action.Kind != OutboundUserActionKind.LookUpByEmail || matched.ContainsKey(item)).Select(item => matched.GetValueOrDefault(item) ?? item)];
    }

    /// <summary>A user of the batch, decided and waiting for its Docusign write.</summary>
    internal sealed record Pending(UserSubject Subject, UserLink? Link, OutboundUserAction Action, ActivityContext Trace);
}
