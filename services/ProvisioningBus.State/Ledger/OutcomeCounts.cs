namespace ProvisioningBus.State.Ledger;

/// <summary>Counts per outcome for one entity kind. <see cref="Impacted"/> counts every entity with an outcome.</summary>
public sealed record OutcomeCounts(int Impacted, int Success, int Unsynced, int PartiallySynced, int Failed, int Skipped)
{
    public static OutcomeCounts None { get; } = new(0, 0, 0, 0, 0, 0);
}
