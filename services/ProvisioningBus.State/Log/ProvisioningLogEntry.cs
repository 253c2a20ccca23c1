namespace ProvisioningBus.State.Log;

/// <summary>
/// One durable line of the provisioning log: a change a worker applied, skipped or failed, or an operator's action.
/// Attribute values are never part of it, only their names, so no secret or personal value outlives the change here.
/// </summary>
/// <param name="Direction"><see cref="ProvisioningLogValues.Outbound"/>, <see cref="ProvisioningLogValues.Inbound"/> or <see cref="ProvisioningLogValues.Operator"/>.</param>
/// <param name="EntityType"><c>user</c>, <c>group</c>, <c>membership</c> or <c>rule</c> (an operator's action on a whole rule).</param>
/// <param name="Action">create, adopt, update, rename (a group), close, reactivate, disable (inbound), delete, unlink, add, remove, unchanged, skip, apply (failed before the action was known), or the operator's sync / approve-deletions / replay / provision.</param>
/// <param name="Outcome"><see cref="ProvisioningLogValues.Success"/>, <see cref="ProvisioningLogValues.Skipped"/> or <see cref="ProvisioningLogValues.Failed"/>.</param>
public sealed record ProvisioningLogEntry(
    DateTimeOffset At,
    string Rule,
    string Direction,
    string EntityType,
    string EntityId,
    string DisplayName,
    string Action,
    string Outcome)
{
    /// <summary>Unique and ordered by time (a version-7 GUID), so entries written in one batch keep their order.</summary>
    public string Id { get; init; } = Guid.CreateVersion7().ToString("N");

    /// <summary>
    /// The id of the event that triggered the change (PingOne's event id, or the message id of the inbound snapshot's
    /// difference); null for a resync's change, whose <see cref="Reason"/> says so.
    /// </summary>
    public string? EventId { get; init; }

    /// <summary>The W3C trace id of the change's trace, to find its spans.</summary>
    public string? TraceId { get; init; }

    /// <summary>The target attributes an update or create wrote: names only.</summary>
    public IReadOnlyList<string> ChangedAttributes { get; init; } = [];

    /// <summary>Why a change was skipped, why it was made when no event triggered it (<c>resync</c>), or what an operator asked for.</summary>
    public string? Reason { get; init; }

    /// <summary>The HTTP status of the target's answer, when one call decided the outcome.</summary>
    public int? CallStatus { get; init; }

    public string? ErrorCode { get; init; }

    /// <summary>The target's message, safe to show operators.</summary>
    public string? Message { get; init; }

    /// <summary>Who asked, for an operator's action: the CLI's OS user or the API caller.</summary>
    public string? Actor { get; init; }
}
