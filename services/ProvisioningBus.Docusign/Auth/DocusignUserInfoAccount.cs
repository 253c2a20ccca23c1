namespace ProvisioningBus.Docusign;

/// <summary>One entry of userinfo's accounts[]; <see cref="BaseUri"/> is a bare host such as https://na3.docusign.net.</summary>
public sealed record DocusignUserInfoAccount(string? AccountId, bool IsDefault, string? AccountName, string? BaseUri);
