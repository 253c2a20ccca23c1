using ProvisioningBus.Outbound.Users;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// What the provisioning log says about one user the resync wrote or settled: the planned action and the names of
/// the attributes it writes. No event triggered it, so it carries none; its reason says it came from a resync.
/// </summary>
public static class ResyncChangeDetail
{
    public const string Reason = "resync";

    /// <summary>A close of a linked user gone from scope (the plan's deprovision).</summary>
    public static ChangeDetail Close { get; } = new("close") { Reason = Reason };

    /// <summary>A linked user gone from scope and left in Docusign (deprovisioning off): only the link goes.</summary>
    public static ChangeDetail Unlink { get; } = new("unlink") { Reason = Reason };

    public static ChangeDetail For(OutboundUserAction action) =>
        new(ActionName(action.Kind))
        {
            ChangedAttributes = action.Kind is OutboundUserActionKind.Create or OutboundUserActionKind.Update or OutboundUserActionKind.Reactivate or OutboundUserActionKind.Close
                ? UserChangeDetail.WrittenAttributes(action)
                : [],
            Reason = Reason,
        };

    private static string ActionName(OutboundUserActionKind kind) => kind switch
    {
        OutboundUserActionKind.Create => "create",
        OutboundUserActionKind.Update => "update",
        OutboundUserActionKind.Close or OutboundUserActionKind.Deprovision => "close",
        OutboundUserActionKind.Reactivate => "reactivate",
        OutboundUserActionKind.Adopt => "adopt",
        OutboundUserActionKind.Unchanged => "unchanged",
        OutboundUserActionKind.Unlink => "unlink",
        // A failure before any write (the rule cannot express the user) keeps the log's word for it.
        OutboundUserActionKind.Fail => "apply",
        _ => "skip",
    };
}
