namespace ProvisioningBus.Testing;

/// <summary>One consumer as RabbitMQ's management API lists it: its queue and its connection's client-provided name.</summary>
public sealed record QueueConsumer(string Queue, string ConnectionName);
