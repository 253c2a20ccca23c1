namespace ProvisioningBus.Core.Messaging;

/// <summary>Where messages travel. Bound from the <c>RabbitMq</c> configuration section.</summary>
public sealed class BusOptions
{
    public const string SectionName = "RabbitMq";

    /// <summary>
    /// <c>amqp://user:password@host:port/vhost</c>. Empty selects the in-memory transport, which is only
    /// right for the single-process embedded default: messages do not survive the process.
    /// </summary>
    public string? Uri { get; set; }

    /// <summary>
    /// Messages a consumer endpoint may hold unacknowledged at once: twice the user consumer's 32 slots, so a slot that
    /// frees up finds its next message already delivered.
    /// </summary>
    public int PrefetchCount { get; set; } = 64;

    /// <summary>RabbitMQ's management API (queue depths, error queues); defaults to port 15672 on the broker's host.</summary>
    public string? ManagementUri { get; set; }

    /// <summary>
    /// The name this process's connection shows in RabbitMQ's management UI and API. Defaults to the executable, host
    /// and process id, so an operator (or a test) can tell which process consumes which queue.
    /// </summary>
    public string? ConnectionName { get; set; }

    public string ConnectionNameOrDefault =>
        string.IsNullOrWhiteSpace(ConnectionName)
            ? $"{System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "provisioningbus"} {Environment.MachineName}:{Environment.ProcessId}"
            : ConnectionName;

    public bool UsesRabbitMq => !string.IsNullOrWhiteSpace(Uri);
}
