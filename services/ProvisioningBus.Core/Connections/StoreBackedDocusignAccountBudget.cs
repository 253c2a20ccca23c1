using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProvisioningBus.Docusign;
using ProvisioningBus.State.Budgets;

namespace ProvisioningBus.Core.Connections;

/// <summary>
/// The Docusign account budget in the shared store, so every worker process of a deployment spends one budget instead
/// of each believing the headers' remaining calls are its own (two processes drew 429s that way). One row per account,
/// changed by compare-and-swap under <see cref="DocusignAccountBudgetPolicy"/>.
/// </summary>
/// <remarks>
/// If the store cannot be reached the call is let through on this process's own budget (the headers still pace it and a
/// 429 is still waited out): a store outage already stops the consumers, and Test Connection must still answer.
/// </remarks>
public sealed class StoreBackedDocusignAccountBudget(ISharedCounterStore store, TimeProvider time, ILogger<StoreBackedDocusignAccountBudget> logger)
    : IDocusignAccountBudget
{
    private const int MaxAttempts = 20;

    public async ValueTask<TimeSpan> TryReserveAsync(string accountId, TimeSpan burstWindow, DocusignCallPriority priority, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.Zero;
        await UpdateAsync(accountId, state =>
        {
            (var next, wait) = DocusignAccountBudgetPolicy.Reserve(state, time.GetUtcNow(), burstWindow, priority);
            return wait == TimeSpan.Zero ? next : null;
        }, cancellationToken);
        return wait;
    }

    public async ValueTask ObserveAsync(string accountId, DocusignBudgetReading reading, TimeSpan burstWindow, CancellationToken cancellationToken) =>
        await UpdateAsync(accountId, state =>
        {
            var next = DocusignAccountBudgetPolicy.Observe(state, reading, time.GetUtcNow(), burstWindow);
            return Serialize(next) == Serialize(state) ? null : next;
        }, cancellationToken);

    /// <summary>What the deployment has left of the account's budget now, as every worker counts it; read-only.</summary>
    public static async Task<DocusignBudgetReading> ReadRemainingAsync(
        ISharedCounterStore store, string accountId, TimeSpan burstWindow, DateTimeOffset now, CancellationToken ct)
    {
        var stored = await store.GetAsync(StateName(accountId), ct);
        var state = stored is null ? DocusignAccountBudgetState.Empty : Deserialize(stored.State);
        return DocusignAccountBudgetPolicy.Remaining(state, now, burstWindow);
    }

    /// <param name="change">The next state, or null when nothing needs writing.</param>
    private async Task UpdateAsync(string accountId, Func<DocusignAccountBudgetState, DocusignAccountBudgetState?> change, CancellationToken ct)
    {
        var name = StateName(accountId);
        try
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var stored = await store.GetAsync(name, ct);
                var state = stored is null ? DocusignAccountBudgetState.Empty : Deserialize(stored.State);
                if (change(state) is not { } next || await store.TryReplaceAsync(name, Serialize(next), stored?.Version ?? 0, ct) is not null)
                {
                    return;
                }
            }

            logger.LogWarning("Docusign account budget {Account}: {Attempts} concurrent updates in a row; letting this call through on the process budget", accountId, MaxAttempts);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Docusign account budget {Account}: the store did not answer ({Error}); letting this call through on the process budget", accountId, ex.GetType().Name);
        }
    }

    private static string StateName(string accountId) => "docusign-budget:" + accountId.ToLowerInvariant();

    private static string Serialize(DocusignAccountBudgetState state) => JsonSerializer.Serialize(state);

    private static DocusignAccountBudgetState Deserialize(string json) =>
        JsonSerializer.Deserialize<DocusignAccountBudgetState>(json) ?? DocusignAccountBudgetState.Empty;
}
