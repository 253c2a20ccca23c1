namespace ProvisioningBus.State.Log;

/// <summary>
/// What the provisioning log needs about a change beyond its ledger outcome: the action taken, the names of the
/// attributes written, the triggering event and trace. Attached to the outcome the worker records anyway, so the log
/// is written in the one place outcomes are.
/// </summary>
/// <param name="Action">As <see cref="ProvisioningLogEntry.Action"/>.</param>
public sealed record ChangeDetail(string Action)
{
    public IReadOnlyList<string> ChangedAttributes { get; init; } = [];

    public string? EventId { get; init; }

    /// <summary>The change's own trace; when null, the trace current at the ledger write is taken.</summary>
    public string? TraceId { get; init; }

    public string Direction { get; init; } = ProvisioningLogValues.Outbound;

    public int? CallStatus { get; init; }

    /// <summary>
    /// Why the change was made when no event triggered it (a resync), as <see cref="ProvisioningLogEntry.Reason"/>; a
    /// skip's own reason is its outcome's message.
    /// </summary>
    public string? Reason { get; init; }
}
