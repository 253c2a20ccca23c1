namespace ProvisioningBus.State.Runs;

/// <summary>
/// What a run found and did. Inbound snapshot runs fill Appeared / Changed / Disappeared (the diff);
/// runs that write fill Created / Updated / Deleted; both may fill Skipped / Failed.
/// </summary>
public sealed record SyncRunCounts
{
    public static SyncRunCounts None { get; } = new();

    public long Appeared { get; init; }

    public long Changed { get; init; }

    public long Disappeared { get; init; }

    public long Created { get; init; }

    public long Updated { get; init; }

    public long Deleted { get; init; }

    public long Skipped { get; init; }

    public long Failed { get; init; }
}
