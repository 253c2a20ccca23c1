using Microsoft.Extensions.Logging;
using ProvisioningBus.State.Leases;

namespace ProvisioningBus.Core.Leases;

/// <summary>
/// A store lease held for the duration of a piece of work, renewed in the background at a third of its time-to-live so
/// that long work (a full resync, an inbound snapshot run) keeps it; disposing releases it. Every lease of every worker
/// goes through here, so they all behave alike.
/// <para>
/// <see cref="Lost"/> fires when a renewal does not confirm the lease: another holder took it, it expired, <b>or the
/// store could not be reached</b>. A holder that cannot reach the store cannot prove it still holds the lease, and the
/// time-to-live keeps running, so carrying on risks two holders writing at once. Stopping is cheap because all guarded
/// work is safe to do again: a consumer's message is retried, an inbound run leaves its old snapshot and the next run
/// publishes the same differences, a resync is run again. The guarded work also writes to the store that just failed,
/// so it would rarely have got much further.
/// </para>
/// </summary>
public sealed class HeldLease : IAsyncDisposable
{
    private readonly ILeaseStore leases;
    private readonly string holderId;
    private readonly TimeSpan ttl;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewal;

    private HeldLease(ILeaseStore leases, IReadOnlyList<string> names, string holderId, TimeSpan ttl, TimeProvider time, ILogger logger)
    {
        this.leases = leases;
        Names = names;
        Name = names.Count == 1 ? names[0] : $"{names.Count} leases";
        this.holderId = holderId;
        this.ttl = ttl;
        this.time = time;
        this.logger = logger;
        renewal = RenewAsync();
    }

    public string Name { get; }

    /// <summary>Every lease held: one, or those of <see cref="AcquireManyAsync"/> that were free.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Cancelled when the lease could not be renewed (see the class remarks): stop the guarded work.</summary>
    public CancellationToken Lost => lost.Token;

    /// <summary>
    /// Takes the lease now, or returns null when another holder has it. Each acquisition holds under its own id
    /// (<paramref name="instanceId"/> plus a fresh suffix): the store lets a holder re-take its own lease, which would
    /// otherwise let two pieces of work in one process (an event and a resync) hold the same user at once.
    /// </summary>
    public static async Task<HeldLease?> TryAcquireAsync(
        ILeaseStore leases, string name, string instanceId, TimeSpan ttl, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var holderId = $"{instanceId}/{Guid.NewGuid():N}";
        return await leases.TryAcquireAsync(name, holderId, ttl, ct) ? new HeldLease(leases, [name], holderId, ttl, time, logger) : null;
    }

    /// <summary>
    /// Takes whichever of <paramref name="names"/> are free now, under one holder id, renewed and released together
    /// (a batch of changes holds its entities this way: two statements instead of two per entity).
    /// <see cref="Lost"/> fires when any of them is lost. <see cref="Names"/> says which were taken.
    /// </summary>
    public static async Task<HeldLease> AcquireManyAsync(
        ILeaseStore leases, IReadOnlyList<string> names, string instanceId, TimeSpan ttl, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var holderId = $"{instanceId}/{Guid.NewGuid():N}";
        var taken = await leases.TryAcquireManyAsync(names, holderId, ttl, ct);
        return new HeldLease(leases, [.. names.Where(taken.Contains)], holderId, ttl, time, logger);
    }

    /// <summary>
    /// Waits for the lease up to <paramref name="wait"/>, polling with a growing pause; null when it stayed taken.
    /// Waiting here rather than failing the message keeps contention between instances out of the retry budget.
    /// </summary>
    public static async Task<HeldLease?> AcquireAsync(
        ILeaseStore leases, string name, string instanceId, TimeSpan ttl, TimeSpan wait, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + wait;
        var pause = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var lease = await TryAcquireAsync(leases, name, instanceId, ttl, time, logger, ct);
            if (lease is not null || time.GetUtcNow() >= deadline)
            {
                return lease;
            }

            await Task.Delay(pause, time, ct);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 250));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await renewal;
        }
        catch (OperationCanceledException)
        {
        }

        try
        {
            if (Names.Count == 1)
            {
                await leases.ReleaseAsync(Names[0], holderId, CancellationToken.None);
            }
            else
            {
                await leases.ReleaseManyAsync(Names, holderId, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease expires by its time-to-live anyway; failing here would hide what the guarded work did or threw.
            logger.LogWarning("Lease {Lease} could not be released ({Error}); it expires within {Ttl}", Name, ex.GetType().Name, ttl);
        }

        stop.Dispose();
        lost.Dispose();
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(ttl / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var renewed = Names.Count == 1
                    ? await leases.RenewAsync(Names[0], holderId, ttl, stop.Token)
                    : await leases.RenewManyAsync(Names, holderId, ttl, stop.Token) == Names.Count;
                if (!renewed)
                {
                    logger.LogWarning("Lease {Lease} expired or was taken by another holder; stopping the work it guarded", Name);
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Lease {Lease} could not be renewed (the store did not answer); stopping the work it guarded", Name);
            await lost.CancelAsync();
        }
    }
}
