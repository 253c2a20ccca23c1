namespace ProvisioningBus.Core.Roles;

/// <summary>The configuration names of <see cref="WorkerRoles"/>: what <c>Worker:Roles</c> takes and what logs and telemetry show.</summary>
public static class WorkerRoleNames
{
    public static readonly IReadOnlyDictionary<string, WorkerRoles> ByName = new Dictionary<string, WorkerRoles>(StringComparer.OrdinalIgnoreCase)
    {
        ["users"] = WorkerRoles.Users,
        ["groups"] = WorkerRoles.Groups,
        ["memberships"] = WorkerRoles.Memberships,
        ["resync"] = WorkerRoles.Resync,
        ["inbound-poller"] = WorkerRoles.InboundPoller,
        ["inbound-applier"] = WorkerRoles.InboundApplier,
    };

    /// <summary>The roles as their configuration names, in declaration order, joined by <paramref name="separator"/>.</summary>
    public static string Format(WorkerRoles roles, string separator = ",") =>
        string.Join(separator, ByName.Where(pair => roles.HasFlag(pair.Value)).Select(pair => pair.Key));
}
