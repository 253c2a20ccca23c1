using ProvisioningBus.Contracts;

namespace ProvisioningBus.Inbound.Snapshots;

/// <summary>One Docusign user in the snapshot being taken: what the diff compares (<see cref="Hash"/>) and publishes.</summary>
public sealed record SnapshotUser(string DocusignUserId, string Hash, DocusignUserAttributes Attributes);
