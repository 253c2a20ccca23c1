namespace ProvisioningBus.State.Memberships;

/// <summary>A PingOne group membership that an outbound rule has applied in Docusign.</summary>
public sealed record AppliedMembership(string Rule, string PingOneGroupId, string PingOneUserId);
