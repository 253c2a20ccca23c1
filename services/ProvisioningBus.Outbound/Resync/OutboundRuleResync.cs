using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Core.Notifications;
using ProvisioningBus.Core.Leases;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Groups;
using ProvisioningBus.Outbound.Memberships;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.Outbound.Users;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Users;
using ProvisioningBus.State;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// Full reconciliation of one outbound rule's users: executes the <see cref="OutboundResyncPlan"/> of
/// <see cref="OutboundResyncPlanner"/> (both sides read in full) with Docusign's bulk create / update / close.
/// Exactly one instance runs a rule's resync at a time (store lease); each user it writes is also taken under that
/// user's lease, so it never interleaves with the event consumer.
/// </summary>
public sealed class OutboundRuleResync(
    IPingOneClient pingOne,
    IDocusignClientProvider docusign,
    IProvisioningStore store,
    ConnectionSwitch connections,
    WorkerInstance instance,
    IOptions<LeaseOptions> leaseTimes,
    TimeProvider time,
    DeprovisionedUserMemberships memberships,
    OperatorNotifier notifier,
    ILogger<OutboundRuleResync> logger,
    GroupResync? groups = null)
{
    private const int CreateChunk = 500;
    private const int WriteChunk = 100;

    // Built here rather than injected: it needs nothing the resync does not already hold, and a dry run builds its own.
    private readonly OutboundResyncPlanner planner = new(pingOne, docusign, store, time);

    /// <summary>Runs the resync; null when it did not run because the rule or its connection is disabled.</summary>
    /// <param name="approvedDeletions">The mass-deletion hold an operator approved: its closes go past the guard.</param>
    /// <exception cref="ResyncAlreadyRunningException">Another resync of the rule holds its lease.</exception>
    public async Task<SyncRun?> RunAsync(CompiledOutboundRule rule, SyncRunKind kind, CancellationToken ct, Guid? approvedDeletions = null)
    {
        if (!connections.IsEnabled(rule.Options.TargetConnection) || !rule.Options.Enabled)
        {
            logger.LogInformation("Rule {Rule}: full resync not run, the rule or its connection is disabled", rule.Name);
            return null;
        }

        await using var lease = await HeldLease.TryAcquireAsync(store.Leases, LeaseNames.Resync(rule.Name), instance.Id, leaseTimes.Value.ResyncTtl, time, logger, ct);
        if (lease is null)
        {
            throw new ResyncAlreadyRunningException(rule.Name);
        }

        using var guarded = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
        var runId = Guid.NewGuid();
        await store.SyncRuns.StartAsync(runId, rule.Name, kind, time.GetUtcNow(), ct);
        var counter = new RunCounter();
        try
        {
            var held = await ReconcileAsync(rule, approvedDeletions, counter, guarded.Token);

            // Groups and memberships after users: a membership is pushed only for a user the users pass linked.
            // A host without the group consumers (a users-only worker) has no GroupResync and leaves groups alone.
            if (groups is not null && rule.Options.GroupsToPush.Count > 0)
            {
                var groupResult = await groups.ReconcileAsync(rule, guarded.Token);
                logger.LogInformation("Rule {Rule}: groups reconciled: {GroupResult}", rule.Name, groupResult);
            }

            await store.SyncRuns.CompleteAsync(
                runId, held is null ? SyncRunStatus.Succeeded : SyncRunStatus.AwaitingApproval, counter.ToCounts(), held?.Reason, time.GetUtcNow(), CancellationToken.None);
            var previous = await store.RuleStates.GetAsync(rule.Name, ct);
            if (previous is { } state)
            {
                await store.RuleStates.UpsertAsync(state with { LastSyncAt = time.GetUtcNow(), PendingApprovalSnapshotId = held?.Id, PendingApprovalReason = held?.Reason }, ct);
            }
            else if (held is not null)
            {
                // A new rule's first resync: the lifecycle service stores the rest of its state after this run.
                await store.RuleStates.UpsertAsync(new RuleState(rule.Name, RuleDirection.Outbound, string.Empty, time.GetUtcNow(), null, time.GetUtcNow(), held.Id, held.Reason), ct);
            }

            // Once the hold is stored, so whoever the notification sends to `approve-deletions` finds it.
            if (held is not null && previous?.PendingApprovalSnapshotId != held.Id)
            {
                await notifier.DeletionsHeldAsync(rule.Name, held.Reason, ct);
            }

            logger.LogInformation("Rule {Rule}: full resync done: {Counts}", rule.Name, counter.ToCounts());
        }
        catch (Exception ex)
        {
            // Client exceptions carry no secrets (Docusign and PingOne clients guarantee it), so the message is safe to show.
            await store.SyncRuns.CompleteAsync(runId, SyncRunStatus.Failed, counter.ToCounts(), $"{ex.GetType().Name}: {ex.Message}", time.GetUtcNow(), CancellationToken.None);
            throw;
        }

        return await store.SyncRuns.GetAsync(runId, ct);
    }

    /// <returns>The mass-deletion hold that kept this run's closes back, or null when none did.</returns>
    private async Task<OutboundDeletionHold?> ReconcileAsync(CompiledOutboundRule rule, Guid? approvedDeletions, RunCounter counter, CancellationToken ct)
    {
        var target = docusign.Get(rule.Options.TargetConnection);
        var plan = await planner.PlanAsync(rule, ct);
        var held = await OutboundDeletionHold.CheckAsync(rule, plan, approvedDeletions, store, ct);
        await SettleAsync(rule, plan.Settles, counter, ct);
        await CreateAsync(rule, target, plan.Creates, counter, ct);
        await UpdateAsync(rule, target, plan.Updates, counter, ct);
        if (held is not null)
        {
            logger.LogWarning("Rule {Rule}: {Reason} Held as {HoldId}", rule.Name, held.Reason, held.Id);
        }
        else
        {
            await CloseInScopeAsync(rule, target, plan.Closes, counter, ct);
            await DeprovisionOutOfScopeAsync(rule, target, plan.Deprovisions, close: true, counter, ct);
        }

        await DeprovisionOutOfScopeAsync(rule, target, plan.Unlinks, close: false, counter, ct);
        await CountBusyAsync(rule, counter, ct);
        return held;
    }

    private async Task CreateAsync(CompiledOutboundRule rule, IDocusignAccountClient target, IReadOnlyList<PlannedUserWrite> creates, RunCounter counter, CancellationToken ct)
    {
        foreach (var chunk in creates.Chunk(CreateChunk))
        {
            await using var held = await LockAsync(rule, chunk, write => Planned(write, RunCounter.Kind.Created), counter, ct);
            if (held.Writes.Count == 0)
            {
                continue;
            }

            var writing = held.Guard;
            var results = await target.CreateUsersAsync([.. held.Writes.Select(write => write.NewUser!)], writing);
            for (var i = 0; i < results.Count; i++)
            {
                var write = held.Writes[i];
                var result = results[i];
                if (result.Error is { } error && !result.AlreadyExists)
                {
                    await RecordAsync(write.Subject, SyncOutcome.Failed, error.ErrorCode, error.Message, counter, writing);
                    continue;
                }

                var id = result.UserId ?? (await target.FindUserByEmailAsync(write.NewUser!.Email, writing))?.UserId;
                if (id is null)
                {
                    await RecordAsync(write.Subject, SyncOutcome.Failed, "USER_NOT_FOUND", "Docusign returned no userId and no user with that email can be read.", counter, writing);
                    continue;
                }

                if (!string.Equals(write.NewUser!.UserName, write.Mapped.UserName, StringComparison.Ordinal) || result.AlreadyExists)
                {
                    // A reactivated user keeps its old name, an adopted one its old attributes: bring them to the mapped values.
                    await target.UpdateUserAsync(DocusignUserRequests.Update(id, write.Mapped, includeEmail: false), writing);
                }

                await SaveLinkAsync(write.Subject, id, write.Mapped.Email, write.Hash, writing);
                await RecordAsync(write.Subject, SyncOutcome.Success, null, null, counter, writing);
                // Docusign answering "already exists" means the user was there before: taken over, not created.
                counter.Add(result.AlreadyExists ? RunCounter.Kind.Adopted : Planned(write, RunCounter.Kind.Created));
            }
        }
    }

    private async Task UpdateAsync(CompiledOutboundRule rule, IDocusignAccountClient target, IReadOnlyList<PlannedUserWrite> updates, RunCounter counter, CancellationToken ct)
    {
        foreach (var chunk in updates.Chunk(WriteChunk))
        {
            await using var held = await LockAsync(rule, chunk, write => Planned(write, RunCounter.Kind.Updated), counter, ct);
            if (held.Writes.Count == 0)
            {
                continue;
            }

            var results = await target.UpdateUsersAsync([.. held.Writes.Select(write => write.Update!)], held.Guard);
            await ApplyResultsAsync(held.Writes, results, write => Planned(write, RunCounter.Kind.Updated), counter, held.Guard);
        }
    }

    private async Task CloseInScopeAsync(CompiledOutboundRule rule, IDocusignAccountClient target, IReadOnlyList<PlannedUserWrite> closes, RunCounter counter, CancellationToken ct)
    {
        foreach (var chunk in closes.Chunk(WriteChunk))
        {
            await using var held = await LockAsync(rule, chunk, _ => RunCounter.Kind.Closed, counter, ct);
            if (held.Writes.Count == 0)
            {
                continue;
            }

            var results = await target.CloseUsersAsync([.. held.Writes.Select(write => write.ExistingDocusignUserId!)], held.Guard);
            await ApplyResultsAsync(held.Writes, results, _ => RunCounter.Kind.Closed, counter, held.Guard);
        }
    }

    private async Task ApplyResultsAsync(
        IReadOnlyList<PlannedUserWrite> writes, IReadOnlyList<DocusignUserChangeResult> results, Func<PlannedUserWrite, RunCounter.Kind> kind, RunCounter counter, CancellationToken ct)
    {
        // Bulk answers come per item; match by userId rather than position in case Docusign reorders them.
        var byId = results.GroupBy(result => result.UserId, StringComparer.OrdinalIgnoreCase).ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var write in writes)
        {
            if (byId.TryGetValue(write.ExistingDocusignUserId!, out var result) && result.Error is { } error)
            {
                await RecordAsync(write.Subject, SyncOutcome.Failed, error.ErrorCode, error.Message, counter, ct);
                continue;
            }

            await SaveLinkAsync(write.Subject, write.ExistingDocusignUserId!, write.Mapped.Email, write.Hash, ct);
            await RecordAsync(write.Subject, SyncOutcome.Success, null, null, counter, ct);
            counter.Add(kind(write));
        }
    }

    /// <param name="close">Close the Docusign users before unlinking them (the decision's Deprovision), or only unlink (Unlink).</param>
    private async Task DeprovisionOutOfScopeAsync(CompiledOutboundRule rule, IDocusignAccountClient target, IReadOnlyList<UserLink> stale, bool close, RunCounter counter, CancellationToken ct)
    {
        foreach (var candidates in stale.Chunk(WriteChunk))
        {
            await using var held = await LockAsync(
                rule, candidates, link => (new ResyncSubject(rule.Name, link.PingOneUserId, link.Email, link.SourceVersion), link), plannedInScope: false,
                _ => close ? RunCounter.Kind.Closed : RunCounter.Kind.Skipped, counter, ct);
            var chunk = held.Writes;
            if (chunk.Count == 0)
            {
                continue;
            }

            var writing = held.Guard;
            if (close)
            {
                var results = await target.CloseUsersAsync([.. chunk.Select(link => link.DocusignUserId)], writing);
                var failed = results.Where(result => result.Error is { } error && !DocusignErrorCodes.IsNotFound(error.ErrorCode))
                    .Select(result => result.UserId).ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var link in chunk.Where(link => failed.Contains(link.DocusignUserId)))
                {
                    // Keep the link so that the next resync tries the close again.
                    var error = results.First(result => string.Equals(result.UserId, link.DocusignUserId, StringComparison.OrdinalIgnoreCase)).Error!;
                    await RecordAsync(new ResyncSubject(rule.Name, link.PingOneUserId, link.Email, link.SourceVersion) { Change = ResyncChangeDetail.Close }, SyncOutcome.Failed, error.ErrorCode, error.Message, counter, writing);
                }

                var closed = chunk.Where(link => !failed.Contains(link.DocusignUserId)).ToList();
                await memberships.RemoveAsync(rule.Name, target, closed, writing);
                await ForgetAsync(rule, closed, closed: true, writing);
                counter.Add(RunCounter.Kind.Closed, closed.Count);
            }
            else
            {
                // Out of scope and left in Docusign ('Enable users deprovision' off): nothing written there.
                await ForgetAsync(rule, chunk, closed: false, writing);
                counter.Add(RunCounter.Kind.Skipped, chunk.Count);
            }
        }
    }

    /// <summary>The rule is done with these users (one chunk): links and ledger entries go, in one write each.</summary>
    /// <param name="closed">The users were closed in Docusign; otherwise only unlinked ('Enable users deprovision' off).</param>
    private async Task ForgetAsync(CompiledOutboundRule rule, IReadOnlyList<UserLink> links, bool closed, CancellationToken ct)
    {
        await store.UserLinks.DeleteManyAsync(rule.Name, [.. links.Select(link => link.PingOneUserId)], ct);
        // Forgotten with the outcome that says why, so the provisioning log keeps the close or unlink the ledger drops.
        await store.Ledger.ForgetManyAsync(
            [
                .. links.Select(link => new EntityOutcome(
                    rule.Name, EntityKind.User, link.PingOneUserId, link.Email, closed ? SyncOutcome.Success : SyncOutcome.Skipped, null,
                    closed ? null : "left the rule's scope; deprovisioning is off, so the Docusign user is kept", time.GetUtcNow())
                {
                    Change = closed ? ResyncChangeDetail.Close : ResyncChangeDetail.Unlink,
                }),
            ],
            ct);
    }

    /// <summary>
    /// Takes the user leases of a chunk. Users whose lease is held (an event is being applied now) or whose link differs
    /// from the one this plan read (an event provisioned, changed or deprovisioned the user meanwhile) are left out:
    /// the event path applied a state at least as new, and acting on the plan now could undo it (or create twice).
    /// </summary>
    /// <param name="plannedInScope">What the plan decided of the chunk's users' scope, re-checked where links cannot tell.</param>
    /// <param name="planned">What the run counts a user as when it does what the plan says.</param>
    private async Task<HeldUsers<T>> LockAsync<T>(
        CompiledOutboundRule rule,
        IReadOnlyList<T> chunk,
        Func<T, (ResyncSubject Subject, UserLink? SeenLink)> describe,
        bool plannedInScope,
        Func<T, RunCounter.Kind> planned,
        RunCounter counter,
        CancellationToken ct)
    {
        // HeldLease holds each user under an id of its own, so the event consumer of this same process is still excluded.
        var held = new HeldUsers<T>(ct);
        foreach (var item in chunk)
        {
            var (subject, seen) = describe(item);
            var name = LeaseNames.User(subject.RuleName, subject.PingOneUserId);
            var lease = await HeldLease.AcquireAsync(
                store.Leases, name, $"{instance.Id}/resync", leaseTimes.Value.ResyncUserTtl, leaseTimes.Value.ResyncUserWait, time, logger, ct);
            if (lease is null)
            {
                // A live change holds the user (a batch of new users' events holds them all through its bulk create):
                // the run leaves it, and counts what the change did once the run's writes are done.
                counter.Busy.Add(new BusyUser(subject.PingOneUserId, seen, planned(item)));
                continue;
            }

            held.Add(lease);
            var link = await store.UserLinks.GetAsync(subject.RuleName, subject.PingOneUserId, ct);
            // A link can hide what happened in between: null then and null now may be a create-and-deprovision, and a
            // membership change moves a user in or out of scope without touching updatedAt, so a relinked user's link
            // can look unchanged. For unlinked users and for deprovisions, PingOne is asked again.
            var confirm = !plannedInScope || (seen is null && link is null);
            if (ChangedSince(seen, link))
            {
                // A live event applied the user while the run was under way (a new rule's first resync races the events
                // of every user being created): the user was written during the run, so it counts as what was written,
                // not as skipped. Counted here only: the event path counts into no run.
                counter.Add(AppliedMeanwhile(planned(item), seen, link));
                continue;
            }

            if (confirm && !await StillPlannedAsync(rule, subject, plannedInScope, ct))
            {
                counter.Add(RunCounter.Kind.Skipped);
                continue;
            }

            held.Writes.Add(item);
        }

        return held;
    }

    private async Task<bool> StillPlannedAsync(CompiledOutboundRule rule, ResyncSubject subject, bool plannedInScope, CancellationToken ct)
    {
        var user = await pingOne.GetUserAsync(subject.PingOneUserId, ct);
        var inScope = user is not null && rule.Scope.Includes(user, PingOneUserAttributes.From(user));
        return plannedInScope ? inScope && (user!.UpdatedAt ?? subject.Version) == subject.Version : !inScope;
    }

    private static bool ChangedSince(UserLink? seen, UserLink? now) =>
        (seen is null) != (now is null)
        || (seen is not null && now is not null
            && (!string.Equals(seen.DocusignUserId, now.DocusignUserId, StringComparison.Ordinal)
                || !string.Equals(seen.AppliedHash, now.AppliedHash, StringComparison.Ordinal)
                || seen.SourceVersion != now.SourceVersion));

    /// <summary>
    /// The users a live change held when the run came to them: counted as what that change wrote when their link moved
    /// since the plan, otherwise as skipped (the run wrote nothing, and a change still under way is not known yet).
    /// Only read, never written, so no lease is needed.
    /// </summary>
    private async Task CountBusyAsync(CompiledOutboundRule rule, RunCounter counter, CancellationToken ct)
    {
        foreach (var busy in counter.Busy)
        {
            var link = await store.UserLinks.GetAsync(rule.Name, busy.PingOneUserId, ct);
            counter.Add(ChangedSince(busy.SeenLink, link) ? AppliedMeanwhile(busy.Planned, busy.SeenLink, link) : RunCounter.Kind.Skipped);
        }

        counter.Busy.Clear();
    }

    /// <summary>What the link now says the event path did, told apart with the help of what the plan was going to do.</summary>
    private static RunCounter.Kind AppliedMeanwhile(RunCounter.Kind planned, UserLink? seen, UserLink? now) =>
        now is null ? RunCounter.Kind.Closed
        : seen is null ? (planned == RunCounter.Kind.Adopted ? RunCounter.Kind.Adopted : RunCounter.Kind.Created)
        : planned == RunCounter.Kind.Closed ? RunCounter.Kind.Closed : RunCounter.Kind.Updated;

    /// <summary>A write to a Docusign user the rule had not linked takes it over; one it had linked is <paramref name="otherwise"/>.</summary>
    private static RunCounter.Kind Planned(PlannedUserWrite write, RunCounter.Kind otherwise) =>
        write.SeenLink is null && write.ExistingDocusignUserId is not null ? RunCounter.Kind.Adopted
        : otherwise == RunCounter.Kind.Created && write.ExistingDocusignUserId is not null ? RunCounter.Kind.Updated
        : otherwise;

    private Task<HeldUsers<PlannedUserWrite>> LockAsync(
        CompiledOutboundRule rule, IReadOnlyList<PlannedUserWrite> chunk, Func<PlannedUserWrite, RunCounter.Kind> planned, RunCounter counter, CancellationToken ct) =>
        LockAsync(rule, chunk, write => (write.Subject, write.SeenLink), plannedInScope: true, planned, counter, ct);

    /// <summary>Users that need no Docusign write: their link and ledger outcome, under their lease like any write.</summary>
    private async Task SettleAsync(CompiledOutboundRule rule, IReadOnlyList<PlannedUserSettle> settles, RunCounter counter, CancellationToken ct)
    {
        foreach (var chunk in settles.Chunk(WriteChunk))
        {
            await using var held = await LockAsync(rule, chunk, settle => (settle.Subject, settle.SeenLink), plannedInScope: true, Settled, counter, ct);
            foreach (var settle in held.Writes)
            {
                if (settle.DocusignUserId is not null)
                {
                    await SaveLinkAsync(settle.Subject, settle.DocusignUserId, settle.Email!, settle.LinkHash!, held.Guard);
                }

                // RecordAsync counts the users not written (Skipped) and those that failed; the rest were already right.
                await RecordAsync(settle.Subject, settle.Outcome, settle.ErrorCode, settle.ErrorMessage, counter, held.Guard);
                if (settle.Outcome == SyncOutcome.Success)
                {
                    counter.Add(Settled(settle));
                }
            }
        }
    }

    private static RunCounter.Kind Settled(PlannedUserSettle settle) =>
        settle.Outcome != SyncOutcome.Success ? RunCounter.Kind.Skipped
        : settle.Adopts ? RunCounter.Kind.Adopted
        : RunCounter.Kind.Unchanged;

    private async Task SaveLinkAsync(ResyncSubject subject, string docusignUserId, string email, string hash, CancellationToken ct) =>
        await store.UserLinks.UpsertAsync(new UserLink(subject.RuleName, subject.PingOneUserId, docusignUserId, email, hash, subject.Version, time.GetUtcNow()), ct);

    private async Task RecordAsync(ResyncSubject subject, SyncOutcome outcome, string? errorCode, string? errorMessage, RunCounter counter, CancellationToken ct)
    {
        if (outcome is SyncOutcome.Failed)
        {
            counter.Add(RunCounter.Kind.Failed);
        }
        else if (outcome is SyncOutcome.Unsynced or SyncOutcome.PartiallySynced)
        {
            counter.Add(RunCounter.Kind.Skipped);
        }

        await store.Ledger.RecordAsync(
            new EntityOutcome(subject.RuleName, EntityKind.User, subject.PingOneUserId, subject.DisplayName, outcome, errorCode, errorMessage, time.GetUtcNow()) { Change = subject.Change }, ct);
    }

    /// <summary>The user leases of one chunk; <see cref="Guard"/> stops the chunk's writes when any of them is lost.</summary>
    private sealed class HeldUsers<T>(CancellationToken ct) : IAsyncDisposable
    {
        private readonly List<HeldLease> leases = [];
        private readonly List<CancellationTokenRegistration> watches = [];
        private readonly CancellationTokenSource guard = CancellationTokenSource.CreateLinkedTokenSource(ct);

        public List<T> Writes { get; } = [];

        public CancellationToken Guard => guard.Token;

        public void Add(HeldLease lease)
        {
            leases.Add(lease);
            watches.Add(lease.Lost.Register(guard.Cancel));
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var watch in watches)
            {
                await watch.DisposeAsync();
            }

            foreach (var lease in leases)
            {
                await lease.DisposeAsync();
            }

            guard.Dispose();
        }
    }
}
