namespace ProvisioningBus.State.Users;

/// <summary>PingOne user ↔ Docusign user links of outbound rules.</summary>
public interface IUserLinkStore
{
    Task<UserLink?> GetAsync(string rule, string pingOneUserId, CancellationToken ct);

    /// <summary>The links of these users (at most 500 ids), keyed by PingOne user id; users without a link are absent.</summary>
    Task<IReadOnlyDictionary<string, UserLink>> GetManyAsync(string rule, IReadOnlyList<string> pingOneUserIds, CancellationToken ct);

    /// <summary>
    /// <see cref="UpsertAsync"/> for many links (at most 500, one per user) in one statement, with the same version check per row.
    /// </summary>
    Task UpsertManyAsync(IReadOnlyList<UserLink> links, CancellationToken ct);

    /// <summary>Removes the links of these users (at most 500 ids).</summary>
    Task DeleteManyAsync(string rule, IReadOnlyList<string> pingOneUserIds, CancellationToken ct);

    /// <summary>
    /// Inserts or replaces the link, but only when <see cref="UserLink.SourceVersion"/> is at least the stored one:
    /// an older event never undoes newer state. Equal versions apply, so a redelivery is harmless.
    /// Versions are compared at microsecond precision.
    /// </summary>
    /// <returns><c>true</c> when written; <c>false</c> when a newer version is already stored.</returns>
    Task<bool> UpsertAsync(UserLink link, CancellationToken ct);

    /// <returns><c>true</c> when a link was removed.</returns>
    Task<bool> DeleteAsync(string rule, string pingOneUserId, CancellationToken ct);

    /// <summary>Every link of the rule, streamed (for rule deletion and full resync).</summary>
    IAsyncEnumerable<UserLink> ListByRuleAsync(string rule, CancellationToken ct);
}
