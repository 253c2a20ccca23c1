using ProvisioningBus.Core.Roles;

namespace ProvisioningBus.Core.Status;

/// <summary>Messages waiting in one RabbitMQ queue (ready + unacknowledged) and how many consumers serve it.</summary>
public sealed record QueueDepth(string Name, long Messages, long Consumers)
{
    /// <summary>The worker role that consumes the queue (or whose dead letters it holds); null for other queues.</summary>
    public string? Role => RoleQueues.RoleOf(Name);
}
