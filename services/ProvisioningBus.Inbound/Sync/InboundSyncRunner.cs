using MassTransit;
using Microsoft.Extensions.Options;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Core.Notifications;
using ProvisioningBus.Core.Leases;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.Docusign;
using ProvisioningBus.Docusign.Admin;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.Inbound.Snapshots;
using ProvisioningBus.ServiceDefaults;
using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Leases;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>
/// One snapshot run of one inbound rule: list every Docusign user (or, for an incremental daily run, only those the
/// Admin API reports modified since the last successful run), merge-diff with the stored snapshot, publish the
/// differences with confirms, and only then store the new snapshot. A run that dies after publishing and before
/// storing leaves the old snapshot, so the next run publishes the same differences again and the idempotent consumer
/// absorbs them: nothing is lost, at worst something is said twice.
/// </summary>
public sealed class InboundSyncRunner(
    InboundRuleCatalog rules,
    IDocusignClientProvider docusign,
    IDocusignAdminClientProvider docusignAdmin,
    IInboundPollCursorStore cursors,
    IInboundSnapshotStore snapshots,
    IInboundLinkStore links,
    IRuleStateStore ruleStates,
    ISyncRunStore runs,
    ILeaseStore leases,
    InboundInstance instance,
    ConnectionSwitch connections,
    IOptions<InboundOptions> options,
    IOptions<LeaseOptions> leaseTimes,
    [FromKeyedServices(InboundExtensions.ScheduleClock)] TimeProvider time,
    OperatorNotifier notifier,
    ILogger<InboundSyncRunner> logger)
{
    public static string LeaseName(string rule) => $"inbound-poll:{rule}";

    /// <param name="kind">What asks for the run; a rule whose initial sync never completed runs its initial sync instead.</param>
    /// <param name="publisher">Where differences go: the bus, or the consume context of the command that asked.</param>
    /// <param name="approvedSnapshotId">Releases the deletions the guard held under this snapshot.</param>
    public async Task<InboundSyncResult> RunAsync(
        string ruleName, SyncRunKind kind, IPublishEndpoint publisher, Guid? approvedSnapshotId, CancellationToken ct)
    {
        var rule = rules.Find(ruleName);
        if (rule is null)
        {
            return InboundSyncResult.UnknownRule;
        }

        // A disabled source connection stops the rule as its own toggle does: the status shows it Inactive, so nothing reads the account.
        if (!rule.Options.Enabled || !connections.IsEnabled(rule.Options.SourceConnection))
        {
            return InboundSyncResult.Disabled;
        }

        // HeldLease holds per run, not per process: the poller and a command consumer of one process must not run the
        // rule at once either. A lost lease (taken, expired, or the store unreachable) stops the run before it stores a
        // snapshot another instance may be writing; the old snapshot stays, so the next run publishes the same differences.
        await using var lease = await HeldLease.TryAcquireAsync(leases, LeaseName(ruleName), instance.HolderId, leaseTimes.Value.InboundRunTtl, time, logger, ct);
        if (lease is null)
        {
            return InboundSyncResult.Busy;
        }

        using var guarded = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
        return await RunHoldingLeaseAsync(rule, kind, publisher, approvedSnapshotId, guarded.Token);
    }

    private async Task<InboundSyncResult> RunHoldingLeaseAsync(
        CompiledInboundRule rule, SyncRunKind kind, IPublishEndpoint endpoint, Guid? approvedSnapshotId, CancellationToken ct)
    {
        var state = await ruleStates.GetAsync(rule.Name, ct);
        if (state?.DailySyncTimeOfDay is null)
        {
            // Until an initial sync completed there is no daily time: whatever asked, this run is the one that sets it.
            kind = SyncRunKind.Initial;
        }

        var snapshotId = Guid.NewGuid();
        var startedAt = time.GetUtcNow();
        var incrementalOptions = rule.Options.Incremental;
        var cursor = incrementalOptions.Enabled ? await cursors.GetAsync(rule.Name, ct) : null;
        var fullBecause = IncrementalPollChain.FullBecause(
            rule.Options, kind, approvedSnapshotId, state, cursor, incrementalOptions.Enabled ? await runs.GetLatestAsync(rule.Name, ct) : null, startedAt);
        var incremental = fullBecause is null;
        await runs.StartAsync(snapshotId, rule.Name, kind, startedAt, ct);
        if (incrementalOptions.Enabled)
        {
            logger.LogInformation(
                "Inbound rule {Rule}: {Kind} sync {SnapshotId} started, {Mode}", rule.Name, kind, snapshotId, incremental ? $"incremental since {cursor!.ModifiedSince:O}" : $"full ({fullBecause})");
        }
        else
        {
            logger.LogInformation("Inbound rule {Rule}: {Kind} sync {SnapshotId} started", rule.Name, kind, snapshotId);
        }

        try
        {
            // The listing is sorted on disk as it arrives, and what the diff finds is spooled to disk until it is stored:
            // memory stays bounded whatever the account's size (a million users were 1.2 GiB held at once).
            using var sorter = new SnapshotSorter();
            long filteredOut = 0;
            HashSet<string>? touched = null;
            using (DocusignCallPriority.Background(options.Value.PollLiveReserve))
            {
                if (incremental)
                {
                    touched = new HashSet<string>(SnapshotRow.IdOrder);
                    filteredOut = await ListModifiedAsync(rule, cursor!.ModifiedSince, sorter, touched, ct);
                }
                else
                {
                    await foreach (var user in docusign.Get(rule.Options.SourceConnection).ListUsersAsync(null, ct))
                    {
                        var taken = SnapshotRows.FromDocusign(user);
                        if (rule.Filter.Includes(taken.DocusignUserId, taken.Attributes))
                        {
                            sorter.Add(taken);
                        }
                        else
                        {
                            filteredOut++;
                        }
                    }
                }
            }

            var provisioned = new HashSet<string>(SnapshotRow.IdOrder);
            await foreach (var link in links.ListByRuleAsync(rule.Name, ct))
            {
                provisioned.Add(link.DocusignUserId);
            }

            var publisher = new ConfirmedPublisher(endpoint, options.Value.PublishWindow);
            using var writes = new SnapshotWriteSpool();
            var deletions = new List<SnapshotDifference>();
            long appeared = 0, changed = 0, disappeared = 0;
            var everyUser = kind == SyncRunKind.FullResync;
            var found = incremental
                ? SnapshotDiffer.DiffModifiedAsync(
                    sorter.ReadOrderedAsync(), snapshots.ReadOrderedAsync(rule.Name, ct), touched!, incrementalOptions.FetchChangedUsers ? null : SnapshotRows.WithStoredJobTitle, ct)
                : SnapshotDiffer.DiffAsync(sorter.ReadOrderedAsync(), snapshots.ReadOrderedAsync(rule.Name, ct), everyUser, ct);
            await foreach (var difference in found)
            {
                switch (difference.Kind)
                {
                    case SnapshotDifferenceKind.Appeared:
                        appeared++;
                        await publisher.PublishAsync(Appeared(rule, snapshotId, startedAt, difference), ct);
                        break;
                    case SnapshotDifferenceKind.Changed:
                        changed++;
                        if (WouldDelete(rule, difference, provisioned))
                        {
                            deletions.Add(difference);
                            continue;
                        }

                        await publisher.PublishAsync(Changed(rule, snapshotId, startedAt, difference), ct);
                        break;
                    case SnapshotDifferenceKind.Disappeared:
                        disappeared++;
                        if (WouldDelete(rule, difference, provisioned))
                        {
                            deletions.Add(difference);
                            continue;
                        }

                        await publisher.PublishAsync(Disappeared(rule, snapshotId, startedAt, difference), ct);
                        break;
                }

                if (SnapshotDiffer.Write(difference) is { } write)
                {
                    writes.Add(write);
                }
            }

            // The guard sees the whole diff before any deletion leaves; appeared and changed users went already.
            List<SnapshotDifference> approved = approvedSnapshotId is { } approval
                ? deletions.Where(d => SnapshotRows.Unmarked(d.Previous!.AttributesHash).HeldBy == approval).ToList()
                : [];
            var undecided = deletions.Except(approved).ToList();
            var holdReason = MassDeletionGuard.Check(rule.Options.MassDeletionGuard, undecided.Count, provisioned.Count);
            List<SnapshotDifference> held = holdReason is null ? [] : undecided;
            foreach (var deletion in holdReason is null ? deletions : approved)
            {
                if (deletion.Kind == SnapshotDifferenceKind.Changed)
                {
                    await publisher.PublishAsync(Changed(rule, snapshotId, startedAt, deletion), ct);
                }
                else
                {
                    await publisher.PublishAsync(Disappeared(rule, snapshotId, startedAt, deletion), ct);
                }

                if (SnapshotDiffer.Write(deletion) is { } write)
                {
                    writes.Add(write);
                }
            }

            await publisher.FlushAsync();

            // A guard that holds the same deletions again keeps their snapshot id, so a pending approval stays valid.
            var heldBy = held.Count > 0 && state?.PendingApprovalSnapshotId is { } pending
                && held.All(d => SnapshotRows.Unmarked(d.Previous!.AttributesHash).HeldBy == pending)
                    ? pending
                    : snapshotId;
            foreach (var deletion in held)
            {
                writes.Add(SnapshotDiffer.Hold(deletion, heldBy));
            }

            await snapshots.ApplyAsync(rule.Name, writes.ReadAsync(), ct);
            // An incremental run listed the modified users only; the snapshot's size is the store's.
            var users = incremental ? await snapshots.CountAsync(rule.Name, ct) : sorter.DistinctCount;

            ProvisioningBusMetrics.RecordSnapshot(users, appeared, changed, disappeared);
            var completedAt = time.GetUtcNow();
            var counts = new SyncRunCounts { Appeared = appeared, Changed = changed, Disappeared = disappeared, Skipped = filteredOut };
            var status = held.Count > 0 ? SyncRunStatus.AwaitingApproval : SyncRunStatus.Succeeded;
            await runs.CompleteAsync(snapshotId, status, counts, holdReason is null ? null : holdReason + $" (snapshot {heldBy:D})", completedAt, ct);
            await ruleStates.UpsertAsync(
                new RuleState(
                    rule.Name,
                    RuleDirection.Inbound,
                    rule.ConfigHash,
                    state?.KnownSince ?? startedAt,
                    kind == SyncRunKind.Initial ? TimeOnly.FromDateTime(completedAt.UtcDateTime) : state!.DailySyncTimeOfDay,
                    completedAt,
                    held.Count > 0 ? heldBy : null,
                    held.Count > 0 ? holdReason : null),
                ct);

            if (held.Count > 0 && heldBy == snapshotId)
            {
                await notifier.DeletionsHeldAsync(rule.Name, holdReason!, ct);
            }

            // Only a run that succeeded moves the cursor; its absence or a later run that did not breaks the chain.
            if (incrementalOptions.Enabled && status == SyncRunStatus.Succeeded)
            {
                await cursors.UpsertAsync(
                    new InboundPollCursor(
                        rule.Name,
                        IncrementalPollChain.ConfigHash(rule.Options),
                        startedAt - incrementalOptions.Overlap,
                        incremental ? cursor!.LastFullAt : startedAt,
                        snapshotId,
                        completedAt),
                    ct);
            }

            if (held.Count > 0)
            {
                logger.LogWarning("Inbound rule {Rule}: {Reason} Held under snapshot {SnapshotId}", rule.Name, holdReason, heldBy);
            }

            logger.LogInformation(
                "Inbound rule {Rule}: {Kind} sync {SnapshotId} {Status}: {Appeared} appeared, {Changed} changed, {Disappeared} disappeared, {Skipped} filtered out, {Users} users in {Duration}",
                rule.Name, kind, snapshotId, status, appeared, changed, disappeared, filteredOut, users, completedAt - startedAt);
            return new InboundSyncResult(InboundSyncOutcome.Completed, await runs.GetAsync(snapshotId, CancellationToken.None));
        }
        catch (Exception exception)
        {
            var error = exception is OperationCanceledException
                ? "The run was interrupted (shutting down, or the rule's lease was lost); the stored snapshot is unchanged."
                : $"{exception.GetType().Name}: {exception.Message}";
            logger.LogError(exception, "Inbound rule {Rule}: {Kind} sync {SnapshotId} failed", rule.Name, kind, snapshotId);
            await runs.CompleteAsync(snapshotId, SyncRunStatus.Failed, SyncRunCounts.None, error, time.GetUtcNow(), CancellationToken.None);
            return new InboundSyncResult(InboundSyncOutcome.Failed, await runs.GetAsync(snapshotId, CancellationToken.None));
        }
    }

    /// <summary>
    /// The users the Admin API lists as modified since <paramref name="since"/>, each marked <paramref name="touched"/>
    /// and, when the filter takes it, added to <paramref name="sorter"/>: one call per 100 modified users, plus one
    /// eSignature <c>GET /users/{id}</c> per user with <c>FetchChangedUsers</c> (a user it no longer finds is left out,
    /// so the diff reports it disappeared).
    /// </summary>
    /// <returns>How many listed users the filter left out.</returns>
    private async Task<long> ListModifiedAsync(CompiledInboundRule rule, DateTimeOffset since, SnapshotSorter sorter, HashSet<string> touched, CancellationToken ct)
    {
        var incremental = rule.Options.Incremental;
        var account = docusign.Get(rule.Options.SourceConnection);
        long filteredOut = 0;
        await foreach (var listed in docusignAdmin.Get(rule.Options.SourceConnection).ListUsersModifiedSinceAsync(incremental.OrganizationId!, since, ct))
        {
            if (!touched.Add(listed.UserId))
            {
                continue;
            }

            SnapshotUser? taken;
            if (incremental.FetchChangedUsers)
            {
                taken = await account.GetUserAsync(listed.UserId, ct) is { } user ? SnapshotRows.FromDocusign(user) : null;
            }
            else
            {
                taken = SnapshotRows.FromOrganizationUser(listed);
            }

            if (taken is null)
            {
                continue;
            }

            if (rule.Filter.Includes(taken.DocusignUserId, taken.Attributes))
            {
                sorter.Add(taken);
            }
            else
            {
                filteredOut++;
            }
        }

        return filteredOut;
    }

    /// <summary>
    /// Whether applying the difference deletes a PingOne user: the user leaves the rule (disappears, or stops being
    /// provisionable) and was provisioned by it. "Provisioned" is the link, or, for a link the consumer may not have
    /// written yet, a previous state the rule provisions: the guard must not miss a deletion because of that race.
    /// </summary>
    internal static bool WouldDelete(CompiledInboundRule rule, SnapshotDifference difference, HashSet<string> provisioned)
    {
        if (difference.Kind == SnapshotDifferenceKind.Changed && rule.Provisions(difference.Current!.Attributes))
        {
            return false;
        }

        return provisioned.Contains(difference.DocusignUserId) || rule.Provisions(SnapshotRows.ReadAttributes(difference.Previous!));
    }

    private static DocusignUserAppeared Appeared(CompiledInboundRule rule, Guid snapshotId, DateTimeOffset at, SnapshotDifference d) => new()
    {
        RuleName = rule.Name,
        SnapshotId = snapshotId,
        DocusignUserId = d.DocusignUserId,
        Attributes = d.Current!.Attributes,
        ObservedAt = at,
    };

    private static DocusignUserChanged Changed(CompiledInboundRule rule, Guid snapshotId, DateTimeOffset at, SnapshotDifference d) => new()
    {
        RuleName = rule.Name,
        SnapshotId = snapshotId,
        DocusignUserId = d.DocusignUserId,
        Previous = SnapshotRows.ReadAttributes(d.Previous!),
        Current = d.Current!.Attributes,
        ObservedAt = at,
    };

    private static DocusignUserDisappeared Disappeared(CompiledInboundRule rule, Guid snapshotId, DateTimeOffset at, SnapshotDifference d) => new()
    {
        RuleName = rule.Name,
        SnapshotId = snapshotId,
        DocusignUserId = d.DocusignUserId,
        LastKnown = SnapshotRows.ReadAttributes(d.Previous!),
        ObservedAt = at,
    };
}
