using ProvisioningBus.Core.Roles;

namespace ProvisioningBus.Operations.Doctor;

/// <summary>The receive queues each worker role consumes: a role's first start declares them, and the gateway's publishes need them bound.</summary>
public static class RoleQueues
{
    public static IReadOnlyList<string> For(WorkerRoles roles)
    {
        var queues = new List<string>();
        void Add(WorkerRoles role, params string[] names)
        {
            if (roles.HasFlag(role))
            {
                queues.AddRange(names);
            }
        }

        Add(WorkerRoles.Users, Outbound.Users.UserChangeConsumerDefinition.QueueName);
        Add(WorkerRoles.Groups, Outbound.Groups.GroupChangeConsumerDefinition.QueueName);
        Add(WorkerRoles.Memberships, Outbound.Memberships.MembershipChangeConsumerDefinition.QueueName);
        Add(WorkerRoles.Resync, Outbound.Resync.SyncRuleConsumerDefinition.QueueName);
        Add(WorkerRoles.InboundPoller, Inbound.Sync.SyncRuleConsumerDefinition.QueueName, Inbound.Sync.ApproveInboundDeletionsConsumerDefinition.QueueName);
        Add(WorkerRoles.InboundApplier, Inbound.Users.InboundUserChangeConsumerDefinition.QueueName);
        return queues;
    }
}
