namespace ProvisioningBus.Docusign;

/// <summary>
/// The budget of a Docusign account shared by every process that calls it (<see cref="DocusignAccountBudgetPolicy"/>).
/// The default (<see cref="UnsharedDocusignAccountBudget"/>) leaves pacing to the process; a deployment of several
/// processes registers one backed by its shared store.
/// </summary>
public interface IDocusignAccountBudget
{
    /// <summary>Reserves one call on <paramref name="accountId"/>: zero when reserved, else how long to wait before asking again.</summary>
    /// <param name="priority">Background work leaves its reserve of the account's windows to live work.</param>
    ValueTask<TimeSpan> TryReserveAsync(string accountId, TimeSpan burstWindow, DocusignCallPriority priority, CancellationToken cancellationToken);

    /// <summary>Folds in the rate-limit headers of an answer from the account.</summary>
    ValueTask ObserveAsync(string accountId, DocusignBudgetReading reading, TimeSpan burstWindow, CancellationToken cancellationToken);
}
