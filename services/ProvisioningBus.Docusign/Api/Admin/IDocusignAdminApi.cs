using Refit;

namespace ProvisioningBus.Docusign.Api.Admin;

/// <summary>
/// The raw Docusign Admin API subset (paths relative to the Admin base, e.g. <c>https://api-d.docusign.net/management</c>).
/// It needs the Admin scopes (<c>user_read</c>) in the connection's consent and an organisation administrator.
/// Failures surface as <see cref="DocusignApiException"/>.
/// </summary>
public interface IDocusignAdminApi
{
    /// <summary>Users: getUsers. At least one of account_id, email or organization_reserved_domain_id is required.</summary>
    [Get("/v2/organizations/{organizationId}/users")]
    Task<OrganizationUsersResponse> ListUsersAsync(string organizationId, [Query] OrganizationUsersQuery query, CancellationToken cancellationToken);
}
