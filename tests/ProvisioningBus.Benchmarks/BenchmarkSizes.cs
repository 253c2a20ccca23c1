namespace ProvisioningBus.Benchmarks;

/// <summary>How much each section does: <see cref="Quick"/> only proves the harness runs, <see cref="Full"/> gives the figures.</summary>
public sealed record BenchmarkSizes
{
    public required string Name { get; init; }

    /// <summary>User creations through the whole pipeline, and messages through the bare consumer.</summary>
    public required int ThroughputChanges { get; init; }

    /// <summary>Creations through a throw-away deployment first, so that every measured variant meets a warm process.</summary>
    public required int ProcessWarmupChanges { get; init; }

    /// <summary>Single-event webhooks, one every <see cref="LatencyInterval"/>.</summary>
    public required int LatencySamples { get; init; }

    public TimeSpan LatencyInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    public required int InitialSyncUsers { get; init; }

    public required int Updates { get; init; }

    public required int MembershipChanges { get; init; }

    public int MembershipGroups { get; init; } = 50;

    /// <summary>Creations, then title updates, then deletions, each in webhooks of 500 events (P3a).</summary>
    public required int BulkChanges { get; init; }

    /// <summary>Creations by three worker processes against one account's scaled-down burst limit (P4).</summary>
    public required int SharedBudgetChanges { get; init; }

    public required int ScalingChanges { get; init; }

    public TimeSpan ScalingLatency { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The whole run stops (and prints what it has) after this long.</summary>
    public required TimeSpan RunLimit { get; init; }

    public static BenchmarkSizes Quick { get; } = new()
    {
        Name = "quick (smoke: proves the harness, figures are not representative)",
        ThroughputChanges = 1_000,
        ProcessWarmupChanges = 500,
        LatencySamples = 100,
        InitialSyncUsers = 1_000,
        Updates = 500,
        MembershipChanges = 500,
        BulkChanges = 1_000,
        SharedBudgetChanges = 2_000,
        ScalingChanges = 300,
        RunLimit = TimeSpan.FromMinutes(6),
    };

    public static BenchmarkSizes Full { get; } = new()
    {
        Name = "full",
        ThroughputChanges = 10_000,
        ProcessWarmupChanges = 10_000,
        LatencySamples = 500,
        InitialSyncUsers = 10_000,
        Updates = 5_000,
        MembershipChanges = 5_000,
        BulkChanges = 5_000,
        SharedBudgetChanges = 20_000,
        ScalingChanges = 2_400,
        RunLimit = TimeSpan.FromMinutes(45),
    };
}
