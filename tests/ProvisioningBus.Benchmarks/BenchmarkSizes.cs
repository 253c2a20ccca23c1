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

    /// <summary>Creations against 3,000/h + 500/30 s on a clock running <see cref="HourlyBoundTimeScale"/> times faster.</summary>
    public required int HourlyBoundChanges { get; init; }

    public required double HourlyBoundTimeScale { get; init; }

    /// <summary>Creations on a slower clock where the 30-second burst window, not the hour, is what binds.</summary>
    public required int BurstBoundChanges { get; init; }

    public double BurstBoundTimeScale { get; init; } = 10;

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
        HourlyBoundChanges = 1_500,
        HourlyBoundTimeScale = 720,
        BurstBoundChanges = 600,
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
        HourlyBoundChanges = 20_000,
        HourlyBoundTimeScale = 120,
        BurstBoundChanges = 1_400,
        ScalingChanges = 2_400,
        RunLimit = TimeSpan.FromMinutes(45),
    };
}
