using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ProvisioningBus.Core.Leases;
using ProvisioningBus.State.Leases;

namespace ProvisioningBus.Outbound.UnitTests.Leases;

public sealed class HeldLeaseTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_renewed_lease_is_kept_and_released_on_dispose()
    {
        var store = new ScriptedLeaseStore(_ => true);
        var time = new FakeTimeProvider();
        var lease = await AcquireAsync(store, time);

        await RenewOnceAsync(store, time);

        Assert.False(lease.Lost.IsCancellationRequested);
        await lease.DisposeAsync();
        Assert.Equal(1, store.Releases);
    }

    [Fact]
    public async Task A_lease_another_holder_took_is_lost()
    {
        var store = new ScriptedLeaseStore(_ => false);
        var time = new FakeTimeProvider();
        await using var lease = await AcquireAsync(store, time);

        await RenewOnceAsync(store, time);

        await LostAsync(lease);
    }

    [Fact]
    public async Task A_renewal_the_store_cannot_answer_loses_the_lease_so_the_work_stops()
    {
        var store = new ScriptedLeaseStore(_ => throw new IOException("the store is unreachable"));
        var time = new FakeTimeProvider();
        await using var lease = await AcquireAsync(store, time);

        await RenewOnceAsync(store, time);

        await LostAsync(lease);
    }

    private static async Task<HeldLease> AcquireAsync(ScriptedLeaseStore store, FakeTimeProvider time) =>
        await HeldLease.TryAcquireAsync(store, "user:rule:u1", "instance-a", Ttl, time, NullLogger.Instance, CancellationToken.None)
        ?? throw new InvalidOperationException("The scripted store always grants the lease.");

    /// <summary>Moves time to the first renewal (a third of the TTL) and waits until the store saw it.</summary>
    private static async Task RenewOnceAsync(ScriptedLeaseStore store, FakeTimeProvider time)
    {
        time.Advance(Ttl / 3);
        await store.Renewed.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task LostAsync(HeldLease lease)
    {
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var watch = lease.Lost.Register(() => lost.TrySetResult());
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class ScriptedLeaseStore(Func<int, bool> renew) : ILeaseStore
    {
        private int renewals;

        public TaskCompletionSource Renewed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Releases { get; private set; }

        public Task<bool> TryAcquireAsync(string name, string holderId, TimeSpan ttl, CancellationToken ct) => Task.FromResult(true);

        public Task<bool> RenewAsync(string name, string holderId, TimeSpan ttl, CancellationToken ct)
        {
            try
            {
                return Task.FromResult(renew(Interlocked.Increment(ref renewals)));
            }
            finally
            {
                Renewed.TrySetResult();
            }
        }

        public Task<bool> ReleaseAsync(string name, string holderId, CancellationToken ct)
        {
            Releases++;
            return Task.FromResult(true);
        }

        public Task<IReadOnlySet<string>> TryAcquireManyAsync(IReadOnlyList<string> names, string holderId, TimeSpan ttl, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task<int> RenewManyAsync(IReadOnlyList<string> names, string holderId, TimeSpan ttl, CancellationToken ct) => throw new NotSupportedException();

        public Task ReleaseManyAsync(IReadOnlyList<string> names, string holderId, CancellationToken ct) => throw new NotSupportedException();
    }
}
