namespace ProvisioningBus.Docusign;

/// <summary>One permission profile of the account (ids differ per account; names are what people configure).</summary>
public sealed record DocusignPermissionProfile(string Id, string Name);
