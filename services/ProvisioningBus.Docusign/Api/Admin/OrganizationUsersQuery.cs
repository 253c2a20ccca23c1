using Refit;

namespace ProvisioningBus.Docusign.Api.Admin;

/// <summary>Query of the Admin API's Users: getUsers (start defaults to 0, take to 20).</summary>
public sealed class OrganizationUsersQuery
{
    [AliasAs("account_id")]
    public string? AccountId { get; set; }

    /// <summary>Only users modified at or after this time (ISO 8601, UTC).</summary>
    [AliasAs("last_modified_since")]
    public string? LastModifiedSince { get; set; }

    [AliasAs("start")]
    public int? Start { get; set; }

    [AliasAs("take")]
    public int? Take { get; set; }
}
