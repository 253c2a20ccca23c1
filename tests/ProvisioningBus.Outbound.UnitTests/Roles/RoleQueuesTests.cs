using ProvisioningBus.Core.Roles;

namespace ProvisioningBus.Outbound.UnitTests.Roles;

/// <summary>The status page groups queue depths by the role that consumes them, dead-letter queues included.</summary>
public sealed class RoleQueuesTests
{
    [Theory]
    [InlineData("user-changes", "users")]
    [InlineData("user-changes_error", "users")]
    [InlineData("provision-user-now", "users")]
    [InlineData("membership-changes_skipped", "memberships")]
    [InlineData("outbound-sync-rule", "resync")]
    [InlineData("inbound-deletion-approvals", "inbound-poller")]
    [InlineData("docusign-user-changes_error", "inbound-applier")]
    public void A_queue_is_named_by_the_role_that_consumes_it(string queue, string role) =>
        Assert.Equal(role, RoleQueues.RoleOf(queue));

    [Theory]
    [InlineData("pingone-webhook-events")]
    [InlineData("user-changes-archive")]
    public void A_queue_no_role_consumes_has_no_role(string queue) =>
        Assert.Null(RoleQueues.RoleOf(queue));

    [Fact]
    public void Every_role_consumes_its_own_queues_and_no_queue_is_shared()
    {
        var all = Enum.GetValues<WorkerRoles>().Where(role => role != 0 && (role & (role - 1)) == 0).SelectMany(RoleQueues.For).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(RoleQueues.UserChanges, RoleQueues.For(WorkerRoles.Users));
        Assert.DoesNotContain(RoleQueues.UserChanges, RoleQueues.For(WorkerRoles.Groups | WorkerRoles.Memberships));
    }
}
