using ProvisioningBus.Core.Failures;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Inbound.Users;

/// <summary>
/// What the provisioning log says about one inbound change: the action taken in PingOne and the names (never the
/// values) of the PingOne attributes it wrote, with the snapshot difference it came from.
/// </summary>
public static class InboundChangeDetail
{
    /// <param name="action">The decision executed; null when the change failed before one was made.</param>
    /// <param name="eventId">The id of the snapshot difference's message.</param>
    /// <param name="failure">What failed, for the status of the PingOne call, when one answered.</param>
    public static ChangeDetail For(InboundUserOutcome result, InboundUserAction? action, string? eventId, Exception? failure = null) =>
        new(ActionName(result, action))
        {
            Direction = ProvisioningLogValues.Inbound,
            ChangedAttributes = action is not null && Writes(result) ? [.. action.Changes.Select(change => change.Attribute).Distinct(StringComparer.Ordinal)] : [],
            EventId = eventId,
            CallStatus = failure is null ? null : CallStatus.Of(failure),
        };

    private static string ActionName(InboundUserOutcome result, InboundUserAction? action) => (result, action?.Kind) switch
    {
        // A failed write is named by what it tried; a failure before any decision keeps the generic word.
        (InboundUserOutcome.Failed, InboundUserActionKind.Create) => "create",
        (InboundUserOutcome.Failed, InboundUserActionKind.Adopt) => "adopt",
        (InboundUserOutcome.Failed, InboundUserActionKind.Update) => "update",
        (InboundUserOutcome.Failed, InboundUserActionKind.Disable) => "disable",
        (InboundUserOutcome.Failed, InboundUserActionKind.Delete) => "delete",
        _ => InboundUserChangeTelemetry.Describe(result).Action,
    };

    private static bool Writes(InboundUserOutcome result) =>
        result is InboundUserOutcome.Created or InboundUserOutcome.Adopted or InboundUserOutcome.Updated or InboundUserOutcome.Disabled or InboundUserOutcome.Failed;
}
