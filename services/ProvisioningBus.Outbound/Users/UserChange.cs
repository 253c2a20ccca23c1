using System.Diagnostics;

namespace ProvisioningBus.Outbound.Users;

/// <summary>Which user to reconcile and why: a PingOne user event, or a membership change of a scope group.</summary>
/// <param name="UserId">The PingOne user id.</param>
/// <param name="Deleted">PingOne said the user was deleted; believed only once PingOne answers 404 for it.</param>
/// <param name="RecordedAt">When PingOne recorded the change.</param>
/// <param name="UserName">The username from the event, for the ledger when the user cannot be read.</param>
public sealed record UserChange(string UserId, bool Deleted, DateTimeOffset RecordedAt, string? UserName)
{
    /// <summary>The trace the change arrived in (the webhook's), so its span joins that trace inside a batch.</summary>
    public ActivityContext Trace { get; init; }

    /// <summary>The PingOne event id, for the provisioning log.</summary>
    public string? EventId { get; init; }
}
