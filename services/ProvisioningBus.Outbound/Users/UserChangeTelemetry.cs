using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Outbound.Users;

/// <summary>How <c>provisioningbus.changes.applied</c> and the <c>provisioning.user</c> span name a user change's outcome.</summary>
public static class UserChangeTelemetry
{
    public const string Resource = "user";

    public static AppliedChange Describe(UserProvisioningOutcome outcome) => outcome switch
    {
        UserProvisioningOutcome.Created => AppliedChange.Succeeded(Resource, "create"),
        UserProvisioningOutcome.Adopted => AppliedChange.Succeeded(Resource, "adopt"),
        UserProvisioningOutcome.Updated => AppliedChange.Succeeded(Resource, "update"),
        UserProvisioningOutcome.Closed => AppliedChange.Succeeded(Resource, "close"),
        UserProvisioningOutcome.Reactivated => AppliedChange.Succeeded(Resource, "reactivate"),
        // Linked, but the rule's updates are off: the update is what was skipped.
        UserProvisioningOutcome.PartiallySynced => new AppliedChange(Resource, "update", AppliedChange.Skipped),
        // Which write failed is not part of the outcome: the decision may have failed before choosing one.
        UserProvisioningOutcome.Failed => AppliedChange.Refused(Resource),
        UserProvisioningOutcome.NotFound => new AppliedChange(Resource, "not_found", AppliedChange.Skipped),
        _ => AppliedChange.NothingToDo(Resource),
    };
}
