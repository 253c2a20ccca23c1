using ProvisioningBus.Docusign;
using ProvisioningBus.State.Groups;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Outbound.Memberships;

/// <summary>
/// A membership add or remove as a provisioning-log line: memberships have no ledger row of their own (their group's
/// row sums them up), so the applier writes each one here, with Docusign's answer for a failed one.
/// </summary>
public static class MembershipLogEntries
{
    public static ProvisioningLogEntry For(GroupLink group, string pingOneUserId, bool add, DocusignError? error, DateTimeOffset at) =>
        new(
            at,
            group.Rule,
            ProvisioningLogValues.Outbound,
            "membership",
            $"{group.PingOneGroupId}/{pingOneUserId}",
            $"{group.Name} / {pingOneUserId}",
            add ? "add" : "remove",
            error is null ? ProvisioningLogValues.Success : ProvisioningLogValues.Failed)
        {
            TraceId = ProvisioningLogEntries.CurrentTraceId(),
            ErrorCode = error?.ErrorCode,
            Message = error?.Message,
        };
}
