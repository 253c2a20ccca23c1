using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Outbound.Groups;

/// <summary>How <c>provisioningbus.changes.applied</c> and the <c>provisioning.group</c> span name a group change's outcome.</summary>
public static class GroupChangeTelemetry
{
    public const string Resource = "group";

    public static AppliedChange Describe(GroupChangeOutcome outcome) => outcome switch
    {
        GroupChangeOutcome.Created => AppliedChange.Succeeded(Resource, "create"),
        GroupChangeOutcome.Adopted => AppliedChange.Succeeded(Resource, "adopt"),
        GroupChangeOutcome.Renamed => AppliedChange.Succeeded(Resource, "update"),
        GroupChangeOutcome.Deleted => AppliedChange.Succeeded(Resource, "delete"),
        GroupChangeOutcome.Failed => AppliedChange.Refused(Resource),
        _ => AppliedChange.NothingToDo(Resource),
    };
}
