using System.Net;
using Npgsql;

namespace ProvisioningBus.Testing;

/// <summary>
/// A real PostgreSQL outage for drills: the local cluster (the one <c>infra/scripts/start-services.sh</c> starts) is
/// stopped with <c>pg_ctlcluster</c>, so every connection drops and new ones are refused, and started again on
/// <see cref="EndAsync"/>. Every test on this server sees the outage: keep it short and run the drill alone.
/// </summary>
public sealed class StoreOutage : IAsyncDisposable
{
    private readonly string version;
    private bool resumed;

    private StoreOutage(string version) => this.version = version;

    /// <summary>Stops the cluster behind <c>POSTGRES_CONNECTION</c>; fails, stopping nothing, unless it is this machine's.</summary>
    public static async Task<StoreOutage> BeginLocalAsync()
    {
        var connection = Environment.GetEnvironmentVariable(PostgresDatabases.ConnectionVariable)
            ?? throw new InvalidOperationException($"{PostgresDatabases.ConnectionVariable} is not set: there is no PostgreSQL server to stop.");
        var host = new NpgsqlConnectionStringBuilder(connection).Host ?? "";
        if (!(host is "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address))))
        {
            throw new InvalidOperationException(
                $"{PostgresDatabases.ConnectionVariable} names host '{host}': only a PostgreSQL cluster on this machine (127.0.0.1) can be stopped by a drill.");
        }

        // start-services.sh runs the newest installed version's "main" cluster.
        var version = Directory.Exists("/etc/postgresql")
            ? Directory.GetDirectories("/etc/postgresql").Select(Path.GetFileName).OfType<string>().OrderBy(v => int.TryParse(v, out var n) ? n : 0).LastOrDefault()
            : null;
        if (version is null)
        {
            throw new InvalidOperationException("No PostgreSQL cluster under /etc/postgresql: the server is not the local one start-services.sh runs.");
        }

        await RunAsync("pg_ctlcluster", version, "main", "stop", "--mode=fast");
        return new StoreOutage(version);
    }

    /// <summary>Starts the cluster again and waits until it accepts connections.</summary>
    public async Task EndAsync()
    {
        if (!resumed)
        {
            resumed = true;
            await RunAsync("pg_ctlcluster", version, "main", "start");
            await RunAsync("pg_isready", "-h", "127.0.0.1", "-t", "60");
        }
    }

    public async ValueTask DisposeAsync() => await EndAsync();

    private static Task<string> RunAsync(string program, params string[] arguments) => ExternalCommand.RunAsync(program, arguments);
}
