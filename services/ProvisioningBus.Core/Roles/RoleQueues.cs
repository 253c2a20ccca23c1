namespace ProvisioningBus.Core.Roles;

/// <summary>
/// The receive queues each worker role consumes, named here once: the consumer definitions take their names from it,
/// <c>doctor</c> checks a role's queues exist (a role's first start declares them, and the gateway's publishes need
/// them bound), and the status page groups queue depths by role.
/// </summary>
public static class RoleQueues
{
    public const string UserChanges = "user-changes";
    public const string ProvisionUserNow = "provision-user-now";
    public const string GroupChanges = "group-changes";
    public const string MembershipChanges = "membership-changes";
    public const string OutboundSyncRequests = "outbound-sync-rule";
    public const string InboundSyncRequests = "inbound-sync-requests";
    public const string InboundDeletionApprovals = "inbound-deletion-approvals";
    public const string DocusignUserChanges = "docusign-user-changes";

    private static readonly (WorkerRoles Role, string[] Queues)[] ByRole =
    [
        (WorkerRoles.Users, [UserChanges, ProvisionUserNow]),
        (WorkerRoles.Groups, [GroupChanges]),
        (WorkerRoles.Memberships, [MembershipChanges]),
        (WorkerRoles.Resync, [OutboundSyncRequests]),
        (WorkerRoles.InboundPoller, [InboundSyncRequests, InboundDeletionApprovals]),
        (WorkerRoles.InboundApplier, [DocusignUserChanges]),
    ];

    /// <summary>The queues the <paramref name="roles"/> consume.</summary>
    public static IReadOnlyList<string> For(WorkerRoles roles) =>
        [.. ByRole.Where(entry => roles.HasFlag(entry.Role)).SelectMany(entry => entry.Queues)];

    /// <summary>
    /// The role (its configuration name) whose queue this is, its <c>_error</c> and <c>_skipped</c> queues included;
    /// null for a queue no role consumes.
    /// </summary>
    public static string? RoleOf(string queue)
    {
        var receive = queue.EndsWith("_error", StringComparison.Ordinal) ? queue[..^"_error".Length]
            : queue.EndsWith("_skipped", StringComparison.Ordinal) ? queue[..^"_skipped".Length]
            : queue;
        var role = ByRole.FirstOrDefault(entry => entry.Queues.Contains(receive, StringComparer.Ordinal)).Role;
        return role == default ? null : WorkerRoleNames.Format(role);
    }
}
