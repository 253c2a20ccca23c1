using System.Diagnostics;
using ProvisioningBus.Contracts;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Outbound.Memberships;

/// <summary>
/// Memberships are counted one by one in <c>provisioningbus.changes.applied</c> (action add or remove), while one
/// <c>provisioning.memberships</c> span covers a rule's changes to one group. Pending changes are not counted: the
/// batch is retried and counts them when they are decided.
/// </summary>
public static class MembershipChangeTelemetry
{
    public const string Resource = "membership";

    public static void Count(MembershipChangeAction action, string outcome, long count = 1) =>
        ProvisioningBusMetrics.RecordChange(new AppliedChange(Resource, Action(action), outcome), count);

    public static void Count(IEnumerable<MembershipChange> changes, string outcome)
    {
        foreach (var change in changes)
        {
            Count(change.Action, outcome);
        }
    }

    /// <summary>The group's span outcome: failed if Docusign refused any, success if any was applied, else skipped.</summary>
    public static void Tag(Activity? activity, MembershipApplyResult result)
    {
        var outcome = result.Failed > 0 ? AppliedChange.Failed : result.Applied > 0 ? AppliedChange.Success : AppliedChange.Skipped;
        activity?.SetTag(ChangeTelemetry.OutcomeTag, outcome);
        if (result.Failed > 0)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }
    }

    private static string Action(MembershipChangeAction action) => action == MembershipChangeAction.Removed ? "remove" : "add";
}
