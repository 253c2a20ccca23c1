namespace ProvisioningBus.Outbound.ConsumerTests.Infrastructure;

/// <summary>A PingOne user that the user consumer has provisioned in Docusign.</summary>
public sealed record ProvisionedUser(string PingOneUserId, string DocusignUserId, string Email);
