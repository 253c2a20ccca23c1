using System.Collections.Concurrent;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Docusign;
using ProvisioningBus.State;

namespace ProvisioningBus.Gateway.Status;

/// <summary>
/// The last hour of each Docusign connection's remaining budget, for the status page's chart. Sampled from the shared
/// account budget every worker process spends (not from this process's calls: the gateway makes none), so the chart
/// shows the deployment's budget. Kept in memory: a restarted gateway's chart starts empty and fills again.
/// </summary>
public sealed class DocusignBudgetHistory(IConfiguration configuration, IProvisioningStore store, TimeProvider time)
{
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    /// <summary>A fresher sample than this is not taken again when the page asks.</summary>
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, ConnectionSamples> samples = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads every configured connection's budget now, unless the last sample is fresh enough.</summary>
    public async Task SampleAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var section in configuration.GetSection("Docusign:Connections").GetChildren())
        {
            // The options the workers bind, so the burst window (and its default) is the one they pace by.
            var options = section.Get<DocusignConnectionOptions>() ?? new DocusignConnectionOptions();
            if (options.AccountId is not { Length: > 0 } accountId)
            {
                continue;
            }

            var history = samples.GetOrAdd(section.Key, name => new ConnectionSamples(name, accountId));
            if (history.Newest is { } newest && now - newest.At < Freshness)
            {
                continue;
            }

            var remaining = await StoreBackedDocusignAccountBudget.ReadRemainingAsync(store.SharedCounters, accountId, options.BurstWindow, now, ct);
            // Until a worker's call was answered the limits are unknown: there is nothing to draw yet.
            if (remaining.HourlyLimit is not null || remaining.BurstLimit is not null)
            {
                history.Add(new DocusignBudgetSample(now, remaining.HourlyLimit, remaining.HourlyRemaining, remaining.BurstLimit, remaining.BurstRemaining), now - Kept);
            }
        }
    }

    /// <summary>Every connection's samples since <paramref name="since"/>, oldest first.</summary>
    public IReadOnlyList<DocusignBudgetSeries> Read(DateTimeOffset since) =>
        [.. samples.Values.OrderBy(series => series.Connection, StringComparer.Ordinal).Select(series => series.Since(since))];

    private sealed class ConnectionSamples(string connection, string accountId)
    {
        private readonly Lock gate = new();
        private readonly Queue<DocusignBudgetSample> kept = new();

        public string Connection => connection;

        public DocusignBudgetSample? Newest { get; private set; }

        public void Add(DocusignBudgetSample sample, DateTimeOffset oldest)
        {
            lock (gate)
            {
                kept.Enqueue(sample);
                Newest = sample;
                while (kept.Peek().At < oldest)
                {
                    kept.Dequeue();
                }
            }
        }

        public DocusignBudgetSeries Since(DateTimeOffset since)
        {
            lock (gate)
            {
                return new DocusignBudgetSeries(connection, accountId, [.. kept.Where(sample => sample.At >= since)]);
            }
        }
    }
}
