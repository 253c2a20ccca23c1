namespace ProvisioningBus.State.Budgets;

/// <summary>
/// Small named states that every worker process updates, by compare-and-swap: a rate budget per Docusign account.
/// The store does not read them; their owners serialise them.
/// </summary>
public interface ISharedCounterStore
{
    /// <summary>The state and its version; null when never written.</summary>
    Task<SharedCounter?> GetAsync(string name, CancellationToken ct);

    /// <summary>
    /// Writes <paramref name="state"/> if the stored version is still <paramref name="expectedVersion"/> (0: not written yet).
    /// </summary>
    /// <returns>The new version, or null when another process wrote first (read again and retry).</returns>
    Task<long?> TryReplaceAsync(string name, string state, long expectedVersion, CancellationToken ct);
}
