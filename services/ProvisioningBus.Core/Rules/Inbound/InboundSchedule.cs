using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Core.Rules.Inbound;

/// <summary>
/// When an inbound rule runs by itself (mission §5): first the initial full sync; then once a day at the UTC time of day
/// that sync completed; a full resync as soon as its configuration changed. Manual runs are ignored here, which is
/// why they never move the daily time. Everything is read from the store, so the schedule survives restarts. The poller
/// asks it what is due, the status reader when the rule runs next.
/// </summary>
public static class InboundSchedule
{
    /// <summary>
    /// Key of the <see cref="TimeProvider"/> the schedule, the runs and the lease renewals read: the registered
    /// <see cref="TimeProvider"/> unless one is registered under this key. Tests move this clock by days without
    /// also moving the clock the HTTP clients' timeouts and token lifetimes run on.
    /// </summary>
    public const string ClockKey = "inbound-schedule";

    /// <summary>How many recent runs to look through for the last scheduled one.</summary>
    public const int RecentRunsExamined = 50;

    /// <param name="recent">The rule's recent runs, newest first.</param>
    /// <returns>The kind of run due now, or null.</returns>
    public static SyncRunKind? Due(InboundRuleOptions rule, RuleState? state, IReadOnlyList<SyncRun> recent, DateTimeOffset now, TimeSpan retryDelay)
    {
        if (state?.DailySyncTimeOfDay is null)
        {
            return Attemptable(recent.FirstOrDefault(run => run.Kind == SyncRunKind.Initial), now, retryDelay) ? SyncRunKind.Initial : null;
        }

        if (!string.Equals(InboundRuleFingerprint.HashOf(state.ConfigHash), InboundRuleFingerprint.Compute(rule), StringComparison.Ordinal))
        {
            return Attemptable(recent.FirstOrDefault(run => run.Kind == SyncRunKind.FullResync), now, retryDelay) ? SyncRunKind.FullResync : null;
        }

        var slot = LatestSlot(state.DailySyncTimeOfDay.Value, now);
        var last = LastScheduled(recent);
        if (last is null || Finished(last) < slot)
        {
            return SyncRunKind.Daily;
        }

        // This slot was attempted; only a failed (or abandoned) attempt is tried again, after the retry delay.
        return Succeeded(last) ? null : Attemptable(last, now, retryDelay) ? SyncRunKind.Daily : null;
    }

    /// <summary>When the rule will next run by itself; null when it is waiting for nothing the schedule controls.</summary>
    public static DateTimeOffset? NextRun(InboundRuleOptions rule, RuleState? state, IReadOnlyList<SyncRun> recent, DateTimeOffset now, TimeSpan retryDelay)
    {
        if (!rule.Enabled)
        {
            return null;
        }

        if (Due(rule, state, recent, now, retryDelay) is not null)
        {
            return now;
        }

        if (state?.DailySyncTimeOfDay is not { } timeOfDay)
        {
            var failed = recent.FirstOrDefault(run => run.Kind == SyncRunKind.Initial);
            return failed is null ? now : Finished(failed) + retryDelay;
        }

        var last = LastScheduled(recent);
        return last is not null && !Succeeded(last) && Finished(last) >= LatestSlot(timeOfDay, now)
            ? Finished(last) + retryDelay
            : LatestSlot(timeOfDay, now).AddDays(1);
    }

    /// <summary>The most recent instant at or before <paramref name="now"/> whose UTC time of day is <paramref name="timeOfDay"/>.</summary>
    public static DateTimeOffset LatestSlot(TimeOnly timeOfDay, DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date + timeOfDay.ToTimeSpan(), TimeSpan.Zero);
        return today <= now ? today : today.AddDays(-1);
    }

    private static SyncRun? LastScheduled(IReadOnlyList<SyncRun> recent) =>
        recent.FirstOrDefault(run => run.Kind is SyncRunKind.Initial or SyncRunKind.Daily);

    private static DateTimeOffset Finished(SyncRun run) => run.CompletedAt ?? run.StartedAt;

    private static bool Succeeded(SyncRun run) => run.Status is SyncRunStatus.Succeeded or SyncRunStatus.AwaitingApproval;

    /// <summary>
    /// A run may be (re)attempted unless its last attempt failed or is still marked running less than the retry delay ago.
    /// A run still marked running may belong to a dead instance; the lease decides whether it really still runs.
    /// </summary>
    private static bool Attemptable(SyncRun? last, DateTimeOffset now, TimeSpan retryDelay) =>
        last is null || Succeeded(last) || Finished(last) + retryDelay <= now;
}
