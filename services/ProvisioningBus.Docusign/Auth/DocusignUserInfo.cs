namespace ProvisioningBus.Docusign;

/// <summary>GET /oauth/userinfo: the consenting user and the accounts (with their base_uri) it belongs to.</summary>
public sealed record DocusignUserInfo(string? Sub, string? Name, string? Email, IReadOnlyList<DocusignUserInfoAccount> Accounts);
