namespace ProvisioningBus.State.Log;

/// <summary>The provisioning log, bound from <c>ProvisioningLog</c>.</summary>
public sealed record ProvisioningLogOptions
{
    public const string SectionName = "ProvisioningLog";

    /// <summary><c>ProvisioningLog:Enabled</c>: false records nothing (the ledger and status still work).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary><c>ProvisioningLog:Retention</c>: entries older than this are pruned.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(30);

    /// <summary><c>ProvisioningLog:PruneInterval</c>: how often the pruner runs.</summary>
    public TimeSpan PruneInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// <c>ProvisioningLog:QueueCapacity</c>: entries waiting for the background writer. A full queue makes the worker
    /// wait (nothing is dropped), so the log slows workers only when the store cannot keep up at all.
    /// </summary>
    public int QueueCapacity { get; init; } = 10_000;

    /// <summary><c>ProvisioningLog:BatchSize</c>: entries per insert statement round (at most 500 per statement).</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>The problems, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Retention < TimeSpan.FromHours(1) || Retention > TimeSpan.FromDays(3650))
        {
            errors.Add($"{SectionName}:Retention must be between 01:00:00 and 3650.00:00:00 (was {Retention}).");
        }

        if (PruneInterval < TimeSpan.FromSeconds(1) || PruneInterval > TimeSpan.FromDays(1))
        {
            errors.Add($"{SectionName}:PruneInterval must be between 00:00:01 and 1.00:00:00 (was {PruneInterval}).");
        }

        if (QueueCapacity is < 1 or > 1_000_000)
        {
            errors.Add($"{SectionName}:QueueCapacity must be between 1 and 1000000 (was {QueueCapacity}).");
        }

        if (BatchSize is < 1 or > 5_000)
        {
            errors.Add($"{SectionName}:BatchSize must be between 1 and 5000 (was {BatchSize}).");
        }

        return errors;
    }
}
