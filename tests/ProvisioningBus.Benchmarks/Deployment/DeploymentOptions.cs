using Docusign.Emulator;

namespace ProvisioningBus.Benchmarks.Deployment;

/// <summary>The shape of one outbound deployment under measurement.</summary>
public sealed record DeploymentOptions
{
    /// <summary>Limits, latency and clock of the Docusign emulator; by default the budget is too large to matter.</summary>
    public DocusignEmulatorOptions Docusign { get; init; } = Unlimited();

    /// <summary>Outbound worker hosts consuming the same queues, with the same store.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>
    /// Outbound workers run as OS processes of their own (the Worker executable, roles users and resync) instead of
    /// hosts in this process: how a deployment scales out, each with its own budget view and token cache. Needs a store
    /// every process can reach (PostgreSQL) and the wall clock (<see cref="Clock"/> null).
    /// </summary>
    public int WorkerProcesses { get; init; }

    /// <summary>Settings every gateway and worker gets on top of the deployment's own (e.g. <c>Outbound:Users:BatchMessageLimit</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>PingOne groups created before the workers start and listed in the rule's "Groups to push".</summary>
    public int PushedGroups { get; init; }

    public StoreKind Store { get; init; } = StoreKind.Sqlite;

    /// <summary>A compressed clock shared by the emulator and the workers (rate-budget runs); null is the wall clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Docusign with a budget no run reaches, no latency, no faults; the request log keeps every call.</summary>
    public static DocusignEmulatorOptions Unlimited() => new()
    {
        HourlyLimit = int.MaxValue,
        BurstLimit = int.MaxValue,
        RequestLogCapacity = 5_000_000,
        RecordBodies = false,
    };
}
