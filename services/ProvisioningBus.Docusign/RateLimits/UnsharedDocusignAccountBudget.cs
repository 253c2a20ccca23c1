namespace ProvisioningBus.Docusign;

/// <summary>
/// The default when nothing else calls the account from this deployment: every call is let through to the process's own
/// budget (<see cref="DocusignRateLimitHandler"/>), which is exact for one process. Deployments of several processes
/// register one backed by their shared store.
/// </summary>
public sealed class UnsharedDocusignAccountBudget : IDocusignAccountBudget
{
    public ValueTask<TimeSpan> TryReserveAsync(string accountId, TimeSpan burstWindow, DocusignCallPriority priority, CancellationToken cancellationToken) => ValueTask.FromResult(TimeSpan.Zero);

    public ValueTask ObserveAsync(string accountId, DocusignBudgetReading reading, TimeSpan burstWindow, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
