namespace ProvisioningBus.State.Inbound;

/// <summary>Docusign user ↔ PingOne user links of inbound rules.</summary>
public interface IInboundLinkStore
{
    Task<InboundLink?> GetAsync(string rule, string docusignUserId, CancellationToken ct);

    Task UpsertAsync(InboundLink link, CancellationToken ct);

    Task<bool> DeleteAsync(string rule, string docusignUserId, CancellationToken ct);

    IAsyncEnumerable<InboundLink> ListByRuleAsync(string rule, CancellationToken ct);
}
