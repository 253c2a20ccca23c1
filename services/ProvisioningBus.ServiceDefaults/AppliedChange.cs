namespace ProvisioningBus.ServiceDefaults;

/// <summary>
/// What one change did to its target, as <c>provisioningbus.changes.applied</c> counts it: the resource (user, group,
/// membership, inbound_user), the action (create, adopt, update, close, reactivate, delete, add, remove, skip, or
/// apply when it failed before its action was known) and the outcome (success, skipped, failed).
/// </summary>
public sealed record AppliedChange(string Resource, string Action, string Outcome)
{
    public const string Success = "success";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    /// <summary>The action of a change that wrote nothing.</summary>
    public const string Skip = "skip";

    /// <summary>The action of a change that failed before it was known what it would write.</summary>
    public const string Apply = "apply";

    public static AppliedChange Succeeded(string resource, string action) => new(resource, action, Success);

    public static AppliedChange NothingToDo(string resource) => new(resource, Skip, Skipped);

    public static AppliedChange Refused(string resource, string action = Apply) => new(resource, action, Failed);
}
