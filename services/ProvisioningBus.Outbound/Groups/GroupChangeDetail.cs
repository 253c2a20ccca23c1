using ProvisioningBus.Core.Failures;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Outbound.Groups;

/// <summary>
/// What the provisioning log says about one group change: the action taken, the Docusign attribute it wrote (a group
/// has one the log names, its name) and the PingOne event it came from, or the resync that made it.
/// </summary>
public static class GroupChangeDetail
{
    /// <summary>The Docusign attribute a create or a rename writes.</summary>
    public const string NameAttribute = "groupName";

    /// <summary>The group's own line for a batch of membership changes (each add and remove also has its own line).</summary>
    public static ChangeDetail Members { get; } = new("update") { ChangedAttributes = ["members"] };

    /// <summary>The detail of an applied (or skipped) change.</summary>
    /// <param name="eventId">The PingOne event's id; null for a resync (<paramref name="reason"/> then says so: <see cref="Resync.ResyncChangeDetail.Reason"/>).</param>
    public static ChangeDetail For(GroupChangeOutcome outcome, string? eventId, string? reason = null) =>
        new(ActionName(outcome))
        {
            ChangedAttributes = outcome is GroupChangeOutcome.Created or GroupChangeOutcome.Renamed ? [NameAttribute] : [],
            EventId = eventId,
            Reason = reason,
        };

    /// <summary>
    /// The detail of a failed change, named by what it tried: a delete, else "apply" (whether the group was to be created
    /// or renamed is decided only after reading it). The status of the call that failed, when one answered.
    /// </summary>
    public static ChangeDetail Failed(bool delete, string? eventId, Exception? failure, string? reason = null) =>
        new(delete ? "delete" : "apply")
        {
            EventId = eventId,
            Reason = reason,
            CallStatus = failure is null ? null : CallStatus.Of(failure),
        };

    public static string ActionName(GroupChangeOutcome outcome) => outcome switch
    {
        GroupChangeOutcome.Created => "create",
        GroupChangeOutcome.Adopted => "adopt",
        GroupChangeOutcome.Renamed => "rename",
        GroupChangeOutcome.Unchanged => "unchanged",
        GroupChangeOutcome.Deleted => "delete",
        GroupChangeOutcome.Failed => "apply",
        _ => "skip",
    };
}
