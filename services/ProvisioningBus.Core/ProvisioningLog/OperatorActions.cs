using ProvisioningBus.State.Log;

namespace ProvisioningBus.Core.ProvisioningLog;

/// <summary>
/// Log entries for what an operator asked for (a manual sync, an approval of held deletions, a replay, a provision
/// on demand), written straight to the store: the command's process may end right after.
/// </summary>
public static class OperatorActions
{
    /// <param name="actor">The CLI's OS user (<see cref="Environment.UserName"/>) or the API caller.</param>
    /// <param name="entityType"><c>rule</c> for an action on a whole rule; the entity's type otherwise.</param>
    public static ProvisioningLogEntry Entry(
        DateTimeOffset at, string rule, string action, string actor, string outcome, string? reason,
        string entityType = "rule", string? entityId = null, string? displayName = null) =>
        new(at, rule, ProvisioningLogValues.Operator, entityType, entityId ?? rule, displayName ?? entityId ?? rule, action, outcome)
        {
            Actor = actor,
            Reason = reason,
            TraceId = ProvisioningLogEntries.CurrentTraceId(),
        };
}
