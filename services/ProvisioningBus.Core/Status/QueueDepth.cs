namespace ProvisioningBus.Core.Status;

/// <summary>Messages waiting in one RabbitMQ queue (ready + unacknowledged) and how many consumers serve it.</summary>
public sealed record QueueDepth(string Name, long Messages, long Consumers);
