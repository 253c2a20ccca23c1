using System.Text.Json;
using ProvisioningBus.State.Budgets;

namespace ProvisioningBus.Core.Connections;

/// <summary>
/// A quarantined connection as every process sees it (a shared state in the store, <c>connection-quarantine:{name}</c>).
/// </summary>
/// <param name="Reason">The refusal that put it there: the error code and Docusign's or PingOne's message.</param>
/// <param name="FailedTries">Tries that failed since it was quarantined, the one that quarantined it included; the backoff doubles with each.</param>
public sealed record ConnectionQuarantineState(string Reason, int FailedTries, DateTimeOffset Since, DateTimeOffset NextAttemptAt)
{
    public static string StateName(string connection) => "connection-quarantine:" + connection.ToLowerInvariant();

    /// <returns>The connection's quarantine and the version a write must name; null when it is not quarantined.</returns>
    public static async Task<(ConnectionQuarantineState? State, long Version)> ReadAsync(ISharedCounterStore store, string connection, CancellationToken ct)
    {
        var stored = await store.GetAsync(StateName(connection), ct);
        var state = string.IsNullOrEmpty(stored?.State) ? null : JsonSerializer.Deserialize<ConnectionQuarantineState>(stored.State);
        return (state, stored?.Version ?? 0);
    }

    /// <summary>What the status shows.</summary>
    public string Describe() => $"Quarantined: {Reason}, next attempt at {NextAttemptAt:u}";
}
