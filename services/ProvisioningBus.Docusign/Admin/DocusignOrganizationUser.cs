namespace ProvisioningBus.Docusign.Admin;

/// <summary>A user of the account as the Admin API lists it: an id to read the full eSignature user by, and its membership status.</summary>
public sealed record DocusignOrganizationUser(string UserId, string? Email, string? MembershipStatus);
