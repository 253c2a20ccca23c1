namespace ProvisioningBus.Docusign.Admin;

/// <summary>
/// A user of the account as the Admin API lists it (<c>OrganizationUserResponse</c>): what eSignature's user has,
/// except the job title, with the membership status of this account.
/// </summary>
public sealed record DocusignOrganizationUser(string UserId, string? UserName, string? Email, string? FirstName, string? LastName, string? MembershipStatus)
{
    /// <summary>The membership status in eSignature's spelling (<c>activation_sent</c> → <c>ActivationSent</c>), so both listings compare equal.</summary>
    public string UserStatus => MembershipStatus?.Trim().ToLowerInvariant() switch
    {
        "activation_required" => "ActivationRequired",
        "activation_sent" => "ActivationSent",
        "active" => "Active",
        "closed" => "Closed",
        "disabled" => "Disabled",
        null or "" => "Unknown",
        var other => other,
    };
}
