using Refit;

namespace ProvisioningBus.Docusign.Api;

/// <summary>Query of Users_GetUsers (all optional; count 1–100).</summary>
public sealed class UsersListQuery
{
    [AliasAs("start_position")]
    public int? StartPosition { get; set; }

    [AliasAs("count")]
    public int? Count { get; set; }

    [AliasAs("email")]
    public string? Email { get; set; }

    [AliasAs("email_substring")]
    public string? EmailSubstring { get; set; }

    [AliasAs("user_name_substring")]
    public string? UserNameSubstring { get; set; }

    /// <summary>Comma-separated statuses, e.g. <c>Active,ActivationSent</c>.</summary>
    [AliasAs("status")]
    public string? Status { get; set; }

    [AliasAs("group_id")]
    public string? GroupId { get; set; }

    [AliasAs("additional_info")]
    public string? AdditionalInfo { get; set; }
}
