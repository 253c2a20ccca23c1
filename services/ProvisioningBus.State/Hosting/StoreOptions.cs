using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ProvisioningBus.State.Hosting;

/// <summary>Where the state store lives. Bound from the <c>State</c> configuration section.</summary>
public sealed record StoreOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "State";

    /// <summary><c>State:Provider</c>: <c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public StoreProvider Provider { get; init; } = StoreProvider.Sqlite;

    /// <summary>
    /// <c>State:ConnectionString</c>: an ADO.NET connection string for the provider,
    /// e.g. <c>Data Source=provisioningbus.db</c> or <c>Host=db;Username=pb;Password=…;Database=provisioningbus</c>.
    /// </summary>
    public string ConnectionString { get; init; } = "";

    /// <summary>
    /// <c>State:KeyRingPath</c>: the Data Protection key ring that encrypts the secrets the store keeps (refresh
    /// tokens). It lives outside the database on purpose, so a stolen database or backup holds no usable token.
    /// Every process sharing the store must read the same directory. Default:
    /// <c>{LocalApplicationData}/ProvisioningBus/keys</c>.
    /// </summary>
    public string? KeyRingPath { get; init; }

    /// <summary><see cref="KeyRingPath"/>, or the default under the user's application data directory.</summary>
    public string ResolvedKeyRingPath => string.IsNullOrWhiteSpace(KeyRingPath)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "ProvisioningBus", "keys")
        : Path.GetFullPath(KeyRingPath);

    /// <summary>
    /// How long start-up waits for an unreachable store (a database still starting, say) before giving up:
    /// retrying in-process instead of exiting keeps an orchestrator from crash-looping the service.
    /// </summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The problems with these options, each naming the configuration key to fix; empty when valid.
    /// Messages never echo the connection string: it usually carries a password.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Provider))
        {
            errors.Add($"{SectionName}:Provider must be one of {string.Join(", ", Enum.GetNames<StoreProvider>())}.");
            return errors;
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add(Provider == StoreProvider.Sqlite
                ? $"{SectionName}:ConnectionString is required for {SectionName}:Provider=Sqlite, e.g. 'Data Source=provisioningbus.db'."
                : $"{SectionName}:ConnectionString is required for {SectionName}:Provider=Postgres, e.g. 'Host=127.0.0.1;Username=postgres;Password=…;Database=provisioningbus'.");
            return errors;
        }

        try
        {
            switch (Provider)
            {
                case StoreProvider.Sqlite:
                    var sqlite = new SqliteConnectionStringBuilder(ConnectionString);
                    if (string.IsNullOrWhiteSpace(sqlite.DataSource))
                    {
                        errors.Add($"{SectionName}:ConnectionString for {SectionName}:Provider=Sqlite must name a file with 'Data Source=…'.");
                    }

                    break;
                case StoreProvider.Postgres:
                    var postgres = new NpgsqlConnectionStringBuilder(ConnectionString);
                    if (string.IsNullOrWhiteSpace(postgres.Host))
                    {
                        errors.Add($"{SectionName}:ConnectionString for {SectionName}:Provider=Postgres must name a server with 'Host=…'.");
                    }

                    break;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            // The provider's own message may quote the offending fragment, which can be the password: keep only the key names.
            errors.Add($"{SectionName}:ConnectionString is not a valid {Provider} connection string (check its keywords and quoting).");
        }

        return errors;
    }

    /// <summary>Shown instead of the record's generated text so that logging the options never leaks the password.</summary>
    public override string ToString()
    {
        var redacted = new DbConnectionStringBuilder();
        try
        {
            redacted.ConnectionString = ConnectionString;
            foreach (var key in new[] { "Password", "Pwd" })
            {
                if (redacted.ContainsKey(key))
                {
                    redacted[key] = "***";
                }
            }
        }
        catch (ArgumentException)
        {
            return $"StoreOptions {{ Provider = {Provider}, ConnectionString = (unparsable) }}";
        }

        return $"StoreOptions {{ Provider = {Provider}, ConnectionString = {redacted.ConnectionString}, KeyRingPath = {ResolvedKeyRingPath} }}";
    }
}
