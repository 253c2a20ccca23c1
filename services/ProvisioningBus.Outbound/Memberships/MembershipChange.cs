using ProvisioningBus.Contracts;

namespace ProvisioningBus.Outbound.Memberships;

/// <summary>
/// The latest change of one (user, group) pair within a batch.
/// </summary>
/// <param name="VerifyWithPingOne">
/// The change comes from a retried or redelivered message: a newer change may have been applied meanwhile, so the
/// pair's current state is read from PingOne instead of trusting the message.
/// </param>
public sealed record MembershipChange(string UserId, string GroupId, MembershipChangeAction Action, DateTimeOffset RecordedAt, bool VerifyWithPingOne);
