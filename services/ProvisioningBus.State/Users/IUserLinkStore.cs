namespace ProvisioningBus.State.Users;

/// <summary>PingOne user ↔ Docusign user links of outbound rules.</summary>
public interface IUserLinkStore
{
    Task<UserLink?> GetAsync(string rule, string pingOneUserId, CancellationToken ct);

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
