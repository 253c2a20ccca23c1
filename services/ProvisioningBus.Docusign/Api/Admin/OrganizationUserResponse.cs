using System.Text.Json.Serialization;

namespace ProvisioningBus.Docusign.Api.Admin;

/// <summary>
/// The Admin API's <c>OrganizationUserResponse</c>: an organisation user and its membership of the account. It has no
/// job title, and its <c>membership_status</c> is snake case (<c>active</c>, <c>closed</c>, …).
/// </summary>
public sealed class OrganizationUserResponse
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("user_name")]
    public string? UserName { get; set; }

    [JsonPropertyName("first_name")]
    public string? FirstName { get; set; }

    [JsonPropertyName("last_name")]
    public string? LastName { get; set; }

    [JsonPropertyName("user_status")]
    public string? UserStatus { get; set; }

    [JsonPropertyName("membership_status")]
    public string? MembershipStatus { get; set; }

    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("membership_id")]
    public string? MembershipId { get; set; }
}
