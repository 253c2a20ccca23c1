namespace ProvisioningBus.State.Groups;

/// <summary>PingOne group ↔ Docusign group links of outbound rules.</summary>
public interface IGroupLinkStore
{
    Task<GroupLink?> GetAsync(string rule, string pingOneGroupId, CancellationToken ct);

    /// <summary>Inserts or replaces the link (a rename writes the new name).</summary>
    Task UpsertAsync(GroupLink link, CancellationToken ct);

    /// <returns><c>true</c> when a link was removed.</returns>
    Task<bool> DeleteAsync(string rule, string pingOneGroupId, CancellationToken ct);

    IAsyncEnumerable<GroupLink> ListByRuleAsync(string rule, CancellationToken ct);
}
