using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.PingOne.Users;

namespace ProvisioningBus.Outbound.Users;

/// <summary>One PingOne user being reconciled under one rule.</summary>
/// <param name="User">The PingOne user as read now; null when PingOne no longer has it.</param>
/// <param name="DisplayName">What the ledger and logs call the user.</param>
/// <param name="Version">The PingOne state applied (its updatedAt, or the event's time when the user is gone).</param>
public sealed record UserSubject(CompiledOutboundRule Rule, PingOneUser? User, string PingOneUserId, string DisplayName, DateTimeOffset Version)
{
    /// <summary>The PingOne event that asked for this reconciliation, for the provisioning log.</summary>
    public string? EventId { get; init; }

    /// <summary>The W3C trace id of the change's trace, for the provisioning log.</summary>
    public string? TraceId { get; init; }
}
