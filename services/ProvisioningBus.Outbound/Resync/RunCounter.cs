using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>What a run did so far, one count per user it handled; becomes the run's <see cref="SyncRunCounts"/>.</summary>
public sealed class RunCounter
{
    private long created;
    private long adopted;
    private long updated;
    private long unchanged;
    private long closed;
    private long skipped;
    private long failed;

    public enum Kind
    {
        Created,

        /// <summary>An existing Docusign user the rule had not linked was linked (and brought to the mapped values).</summary>
        Adopted,

        Updated,

        /// <summary>Already as the rule wants it: nothing written in Docusign.</summary>
        Unchanged,

        /// <summary>Closed in Docusign (in scope but mapped to Closed, or deprovisioned).</summary>
        Closed,

        /// <summary>Not written for a reason: a user action is off, or its lease stayed busy, or it left the plan meanwhile.</summary>
        Skipped,

        Failed,
    }

    /// <summary>Users a live change held when the run came to them; counted once the run's writes are done.</summary>
    public List<BusyUser> Busy { get; } = [];

    /// <summary>Counts <paramref name="users"/> users as <paramref name="kind"/>.</summary>
    public void Add(Kind kind, int users)
    {
        for (var i = 0; i < users; i++)
        {
            Add(kind);
        }
    }

    public void Add(Kind kind)
    {
        switch (kind)
        {
            case Kind.Created: created++; break;
            case Kind.Adopted: adopted++; break;
            case Kind.Updated: updated++; break;
            case Kind.Unchanged: unchanged++; break;
            case Kind.Closed: closed++; break;
            case Kind.Skipped: skipped++; break;
            default: failed++; break;
        }
    }

    public SyncRunCounts ToCounts() => new()
    {
        Created = created, Adopted = adopted, Updated = updated, Unchanged = unchanged, Closed = closed, Skipped = skipped, Failed = failed,
    };
}
