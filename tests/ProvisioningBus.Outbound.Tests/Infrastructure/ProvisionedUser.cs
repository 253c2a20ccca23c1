namespace ProvisioningBus.Outbound.Tests.Infrastructure;

/// <summary>A PingOne user that the outbound worker has provisioned in Docusign.</summary>
public sealed record ProvisionedUser(string PingOneUserId, string DocusignUserId, string Email);
