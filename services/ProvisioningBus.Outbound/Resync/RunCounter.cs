using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>What a run did so far; becomes the run's <see cref="SyncRunCounts"/>.</summary>
public sealed class RunCounter
{
    private long created;
    private long updated;
    private long deleted;
    private long skipped;
    private long failed;

    public enum Kind
    {
        Created,
        Updated,
        Deleted,
        Skipped,
        Failed,
    }

    public void Add(Kind kind)
    {
        switch (kind)
        {
            case Kind.Created: created++; break;
            case Kind.Updated: updated++; break;
            case Kind.Deleted: deleted++; break;
            case Kind.Skipped: skipped++; break;
            default: failed++; break;
        }
    }

    public SyncRunCounts ToCounts() => new() { Created = created, Updated = updated, Deleted = deleted, Skipped = skipped, Failed = failed };
}
