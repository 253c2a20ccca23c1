using System.Text.Json.Serialization;

namespace ProvisioningBus.Docusign.Api.Admin;

/// <summary>The Admin API's <c>OrganizationUsersResponse</c> (snake case, unlike eSignature).</summary>
public sealed class OrganizationUsersResponse
{
    [JsonPropertyName("users")]
    public List<OrganizationUserResponse>? Users { get; set; }

    [JsonPropertyName("paging")]
    public PagingResponseProperties? Paging { get; set; }
}
