using ProvisioningBus.State.Log;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>The PingOne user a planned resync step is about, as the plan read it (<paramref name="Version"/> is its updatedAt).</summary>
public sealed record ResyncSubject(string RuleName, string PingOneUserId, string DisplayName, DateTimeOffset Version)
{
    /// <summary>What the plan does to the user, as the provisioning log names it; set by the planner.</summary>
    public ChangeDetail? Change { get; init; }
}
