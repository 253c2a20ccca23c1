namespace ProvisioningBus.Docusign.Admin;

/// <summary>The Docusign Admin API of one connection's account, as far as the incremental inbound poll needs it.</summary>
public interface IDocusignAdminClient
{
    string ConnectionName { get; }

    /// <summary>
    /// Every user of the connection's account modified at or after <paramref name="since"/> in organisation
    /// <paramref name="organizationId"/> (<c>last_modified_since</c>), over all pages, each once. Users removed from
    /// the account are not listed; closing a user is a modification and is.
    /// </summary>
    IAsyncEnumerable<DocusignOrganizationUser> ListUsersModifiedSinceAsync(string organizationId, DateTimeOffset since, CancellationToken cancellationToken = default);
}
