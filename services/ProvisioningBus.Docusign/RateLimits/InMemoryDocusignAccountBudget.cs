namespace ProvisioningBus.Docusign;

/// <summary>The account budgets of one process: the default until a shared one replaces it in DI.</summary>
public sealed class InMemoryDocusignAccountBudget(TimeProvider time) : IDocusignAccountBudget
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, DocusignAccountBudgetState> accounts = new(StringComparer.OrdinalIgnoreCase);

    public ValueTask<TimeSpan> TryReserveAsync(string accountId, TimeSpan burstWindow, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var (state, wait) = DocusignAccountBudgetPolicy.Reserve(Current(accountId), time.GetUtcNow(), burstWindow);
            accounts[accountId] = state;
            return ValueTask.FromResult(wait);
        }
    }

    public ValueTask ObserveAsync(string accountId, DocusignBudgetReading reading, TimeSpan burstWindow, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            accounts[accountId] = DocusignAccountBudgetPolicy.Observe(Current(accountId), reading, time.GetUtcNow(), burstWindow);
            return ValueTask.CompletedTask;
        }
    }

    private DocusignAccountBudgetState Current(string accountId) =>
        accounts.GetValueOrDefault(accountId) ?? DocusignAccountBudgetState.Empty;
}
