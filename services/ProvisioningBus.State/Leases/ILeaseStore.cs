namespace ProvisioningBus.State.Leases;

/// <summary>
/// Named, expiring leases: exactly one instance does something at a time (the snapshot poller, a token refresh),
/// and a holder that dies loses the lease when its time-to-live runs out. Also usable as per-entity locks
/// (names such as <c>user:{rule}:{id}</c>). "Now" comes from the store's <see cref="TimeProvider"/>.
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes the lease if it is free or expired, or extends it if <paramref name="holderId"/> already holds it;
    /// atomic across instances.
    /// </summary>
    /// <returns><c>true</c> when <paramref name="holderId"/> holds the lease for <paramref name="ttl"/> from now.</returns>
    Task<bool> TryAcquireAsync(string name, string holderId, TimeSpan ttl, CancellationToken ct);

    /// <summary>Extends a lease that <paramref name="holderId"/> still holds and that has not expired.</summary>
    /// <returns><c>false</c> when the lease expired or another holder has it: stop the work it guarded.</returns>
    Task<bool> RenewAsync(string name, string holderId, TimeSpan ttl, CancellationToken ct);

    /// <returns><c>true</c> when <paramref name="holderId"/> held the lease and released it.</returns>
    Task<bool> ReleaseAsync(string name, string holderId, CancellationToken ct);

    /// <summary>
    /// <see cref="TryAcquireAsync"/> for many leases (at most 500) under one holder id in two statements: a batch of
    /// changes takes its entities' leases at once.
    /// </summary>
    /// <returns>The names <paramref name="holderId"/> now holds; the others are held by someone else.</returns>
    Task<IReadOnlySet<string>> TryAcquireManyAsync(IReadOnlyList<string> names, string holderId, TimeSpan ttl, CancellationToken ct);

    /// <summary><see cref="RenewAsync"/> for many leases of one holder.</summary>
    /// <returns>How many were renewed; fewer than asked means some were lost.</returns>
    Task<int> RenewManyAsync(IReadOnlyList<string> names, string holderId, TimeSpan ttl, CancellationToken ct);

    /// <summary>Releases every lease of <paramref name="names"/> that <paramref name="holderId"/> holds.</summary>
    Task ReleaseManyAsync(IReadOnlyList<string> names, string holderId, CancellationToken ct);
}
