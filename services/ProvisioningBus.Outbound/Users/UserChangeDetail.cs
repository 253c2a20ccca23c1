using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// What the provisioning log says about one user change: the action taken and the names (never the values) of the
/// Docusign attributes it wrote, with the event and trace it came from.
/// </summary>
public static class UserChangeDetail
{
    public static ChangeDetail For(UserSubject subject, UserProvisioningOutcome result, OutboundUserAction? action) =>
        new(ActionName(result, action))
        {
            ChangedAttributes = Writes(result, action) ? WrittenAttributes(action!) : [],
            EventId = subject.EventId,
            TraceId = subject.TraceId,
        };

    /// <summary>The ledger entry of the user with its log detail.</summary>
    public static EntityOutcome Outcome(
        UserSubject subject, SyncOutcome outcome, string? errorCode, string? errorMessage, UserProvisioningOutcome result, OutboundUserAction? action, DateTimeOffset at) =>
        new(subject.Rule.Name, EntityKind.User, subject.PingOneUserId, subject.DisplayName, outcome, errorCode, errorMessage, at)
        {
            Change = For(subject, result, action),
        };

    private static string ActionName(UserProvisioningOutcome result, OutboundUserAction? action) => (result, action?.Kind) switch
    {
        (UserProvisioningOutcome.Unchanged, _) => "unchanged",
        (UserProvisioningOutcome.NotFound, _) => "skip",
        (UserProvisioningOutcome.Skipped, OutboundUserActionKind.Unlink) => "unlink",
        // A failed write is named by what it tried; a failure before any decision stays "apply".
        (UserProvisioningOutcome.Failed, OutboundUserActionKind.Create) => "create",
        (UserProvisioningOutcome.Failed, OutboundUserActionKind.Update) => "update",
        (UserProvisioningOutcome.Failed, OutboundUserActionKind.Close or OutboundUserActionKind.Deprovision) => "close",
        (UserProvisioningOutcome.Failed, OutboundUserActionKind.Reactivate) => "reactivate",
        _ => UserChangeTelemetry.Describe(result).Action,
    };

    private static bool Writes(UserProvisioningOutcome result, OutboundUserAction? action) =>
        action is not null && result is UserProvisioningOutcome.Created or UserProvisioningOutcome.Updated or UserProvisioningOutcome.Adopted
            or UserProvisioningOutcome.Closed or UserProvisioningOutcome.Reactivated or UserProvisioningOutcome.Failed;

    /// <summary>
    /// The compared changes when Docusign was read; otherwise (an update decided from the link's hash alone) every
    /// attribute the update sends, since which of them differ is not known.
    /// </summary>
    public static IReadOnlyList<string> WrittenAttributes(OutboundUserAction action)
    {
        if (action.Changes.Count > 0)
        {
            return [.. action.Changes.Select(change => change.Attribute).Distinct(StringComparer.Ordinal)];
        }

        if (action.Kind is not (OutboundUserActionKind.Update or OutboundUserActionKind.Create) || action.Wanted is not { } wanted)
        {
            return [];
        }

        var user = wanted.User;
        var names = new List<string> { "userName", "email" };
        foreach (var (name, value) in new[] { ("firstName", user.FirstName), ("lastName", user.LastName), ("jobTitle", user.JobTitle), ("userStatus", user.UserStatus) })
        {
            if (value is not null)
            {
                names.Add(name);
            }
        }

        names.AddRange(user.Optional().Select(attribute => attribute.Attribute));
        return names;
    }
}
