using Docusign.Emulator;

namespace ProvisioningBus.Benchmarks.Deployment;

/// <summary>The shape of one outbound deployment under measurement.</summary>
public sealed record DeploymentOptions
{
    /// <summary>Limits, latency and clock of the Docusign emulator; by default the budget is too large to matter.</summary>
    public DocusignEmulatorOptions Docusign { get; init; } = Unlimited();

    /// <summary>Outbound worker hosts consuming the same queues, with the same store.</summary>
    public int Workers { get; init; } = 1;

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
