namespace ProvisioningBus.State.Memberships;

/// <summary>Memberships applied in Docusign, keyed by PingOne ids, so removals can be replayed without re-reading PingOne.</summary>
public interface IMembershipStore
{
    /// <returns><c>true</c> when newly recorded; <c>false</c> when it was already there.</returns>
    Task<bool> AddAsync(AppliedMembership membership, CancellationToken ct);

    /// <returns><c>true</c> when a membership was removed.</returns>
    Task<bool> RemoveAsync(AppliedMembership membership, CancellationToken ct);

    Task<bool> ExistsAsync(AppliedMembership membership, CancellationToken ct);

    IAsyncEnumerable<AppliedMembership> ListByGroupAsync(string rule, string pingOneGroupId, CancellationToken ct);

    IAsyncEnumerable<AppliedMembership> ListByUserAsync(string rule, string pingOneUserId, CancellationToken ct);

    /// <summary>Forgets every membership of a user (deleted, or out of the rule's scope).</summary>
    /// <returns>How many were removed.</returns>
    Task<int> RemoveAllForUserAsync(string rule, string pingOneUserId, CancellationToken ct);

    /// <summary>Forgets every membership of a group (deleted, or no longer pushed).</summary>
    /// <returns>How many were removed.</returns>
    Task<int> RemoveAllForGroupAsync(string rule, string pingOneGroupId, CancellationToken ct);
}
