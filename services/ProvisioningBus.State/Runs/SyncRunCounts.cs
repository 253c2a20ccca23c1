namespace ProvisioningBus.State.Runs;

/// <summary>
/// What a run found and did. Inbound snapshot runs fill Appeared / Changed / Disappeared (the diff), and the changes
/// applied from that diff add their outcomes afterwards (<see cref="ISyncRunStore.AddAsync"/>). Each user a run
/// handles lands in exactly one of Created / Adopted / Updated / Unchanged / Closed / Skipped / Failed.
/// </summary>
public sealed record SyncRunCounts
{
    public static SyncRunCounts None { get; } = new();

    public long Appeared { get; init; }

    public long Changed { get; init; }

    public long Disappeared { get; init; }

    /// <summary>New users written to the target.</summary>
    public long Created { get; init; }

    /// <summary>Users that already existed in the target, unlinked, and were linked (and brought to the mapped values).</summary>
    public long Adopted { get; init; }

    /// <summary>Linked users whose attributes or status were written.</summary>
    public long Updated { get; init; }

    /// <summary>Users that were already as the rule wants them: nothing written.</summary>
    public long Unchanged { get; init; }

    /// <summary>Users closed (Docusign) or deleted (PingOne) in the target.</summary>
    public long Closed { get; init; }

    /// <summary>Users not written for a reason: a user action is off, not Active, or held by a live change that had not written it.</summary>
    public long Skipped { get; init; }

    public long Failed { get; init; }

    /// <summary>As the logs and the CLI's <c>status</c> show it; the diff only when the run found one (inbound).</summary>
    public override string ToString()
    {
        var done = $"created {Created}, adopted {Adopted}, updated {Updated}, unchanged {Unchanged}, closed {Closed}, skipped {Skipped}, failed {Failed}";
        return Appeared == 0 && Changed == 0 && Disappeared == 0 ? done : $"appeared {Appeared}, changed {Changed}, disappeared {Disappeared}; {done}";
    }
}
