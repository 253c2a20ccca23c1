using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Inbound.Users;

/// <summary>How <c>provisioningbus.changes.applied</c> and the <c>provisioning.inbound_user</c> span name an inbound user's outcome.</summary>
public static class InboundUserChangeTelemetry
{
    public const string Resource = "inbound_user";

    public static AppliedChange Describe(InboundUserOutcome outcome) => outcome switch
    {
        InboundUserOutcome.Created => AppliedChange.Succeeded(Resource, "create"),
        InboundUserOutcome.Adopted => AppliedChange.Succeeded(Resource, "adopt"),
        InboundUserOutcome.Updated => AppliedChange.Succeeded(Resource, "update"),
        InboundUserOutcome.Deleted => AppliedChange.Succeeded(Resource, "delete"),
        InboundUserOutcome.Disabled => AppliedChange.Succeeded(Resource, "disable"),
        InboundUserOutcome.Failed => AppliedChange.Refused(Resource),
        _ => AppliedChange.NothingToDo(Resource),
    };
}
