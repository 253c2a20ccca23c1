using ProvisioningBus.State.Leases;

namespace ProvisioningBus.Outbound.Rules;

/// <summary>
/// A store lease held for the duration of a piece of work, renewed in the background at a third of its time-to-live so
/// that long work (a full resync) keeps it; <see cref="Lost"/> fires if a renewal fails, and disposing releases it.
/// </summary>
public sealed class HeldLease : IAsyncDisposable
{
    private readonly ILeaseStore leases;
    private readonly string holderId;
    private readonly TimeSpan ttl;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewal;

    private HeldLease(ILeaseStore leases, string name, string holderId, TimeSpan ttl, TimeProvider time)
    {
        this.leases = leases;
        Name = name;
        this.holderId = holderId;
        this.ttl = ttl;
        this.time = time;
        renewal = RenewAsync();
    }

    public string Name { get; }

    /// <summary>Cancelled when the lease could not be renewed: another instance may hold it now, so stop the guarded work.</summary>
    public CancellationToken Lost => lost.Token;

    /// <summary>
    /// Takes the lease now, or returns null when another holder has it. Each acquisition holds under its own id
    /// (<paramref name="instanceId"/> plus a fresh suffix): the store lets a holder re-take its own lease, which would
    /// otherwise let two pieces of work in one process (an event and a resync) hold the same user at once.
    /// </summary>
    public static async Task<HeldLease?> TryAcquireAsync(ILeaseStore leases, string name, string instanceId, TimeSpan ttl, TimeProvider time, CancellationToken ct)
    {
        var holderId = $"{instanceId}/{Guid.NewGuid():N}";
        return await leases.TryAcquireAsync(name, holderId, ttl, ct) ? new HeldLease(leases, name, holderId, ttl, time) : null;
    }

    /// <summary>
    /// Waits for the lease up to <paramref name="wait"/>, polling with a growing pause; null when it stayed taken.
    /// Waiting here rather than failing the message keeps contention between instances out of the retry budget.
    /// </summary>
    public static async Task<HeldLease?> AcquireAsync(
        ILeaseStore leases, string name, string instanceId, TimeSpan ttl, TimeSpan wait, TimeProvider time, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + wait;
        var pause = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var lease = await TryAcquireAsync(leases, name, instanceId, ttl, time, ct);
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

        await leases.ReleaseAsync(Name, holderId, CancellationToken.None);
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
                if (!await leases.RenewAsync(Name, holderId, ttl, stop.Token))
                {
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store could not be reached: the lease may run out meanwhile, so the work must assume it is gone.
            await lost.CancelAsync();
        }
    }
}
