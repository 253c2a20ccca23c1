using System.Diagnostics;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.State.Log;

/// <summary>How a ledger outcome reads as a log entry.</summary>
public static class ProvisioningLogEntries
{
    public static ProvisioningLogEntry From(EntityOutcome outcome)
    {
        var detail = outcome.Change;
        var result = outcome.Outcome switch
        {
            SyncOutcome.Success => ProvisioningLogValues.Success,
            SyncOutcome.Failed => ProvisioningLogValues.Failed,
            _ => ProvisioningLogValues.Skipped,
        };
        var action = detail?.Action ?? (result == ProvisioningLogValues.Skipped ? "skip" : "apply");
        var skipped = result == ProvisioningLogValues.Skipped;
        return new ProvisioningLogEntry(
            outcome.At,
            outcome.Rule,
            detail?.Direction ?? ProvisioningLogValues.Outbound,
            outcome.EntityKind.ToString().ToLowerInvariant(),
            outcome.EntityId,
            outcome.DisplayName,
            action,
            result)
        {
            EventId = detail?.EventId,
            TraceId = detail?.TraceId ?? CurrentTraceId(),
            ChangedAttributes = detail?.ChangedAttributes ?? [],
            // A skip's message is its reason; a failure's is the target's answer.
            Reason = skipped ? Join(detail?.Reason, outcome.ErrorMessage) : detail?.Reason,
            CallStatus = detail?.CallStatus,
            ErrorCode = outcome.ErrorCode,
            Message = skipped ? null : outcome.ErrorMessage,
        };
    }

    /// <summary>A resync's skip reads "resync: why skipped".</summary>
    private static string? Join(string? why, string? skipReason) =>
        why is null ? skipReason : skipReason is null ? why : $"{why}: {skipReason}";

    /// <summary>The trace current here, e.g. the consume span of the change that wrote the outcome.</summary>
    public static string? CurrentTraceId() =>
        Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : null;
}
