using System.Text.Json;
using ProvisioningBus.State.Hosting;
using System.Text.Json.Serialization;

namespace ProvisioningBus.Operations;

/// <summary>What every command needs: the merged configuration and where to write.</summary>
public sealed class CliContext(IConfiguration configuration, TextWriter output, TextWriter error, TextReader? input = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public IConfiguration Configuration { get; } = configuration;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>What the operator types (a pasted redirect URL, an account choice); empty when nobody is at the prompt.</summary>
    public TextReader Input { get; } = input ?? TextReader.Null;

    public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>Builds and starts the host: starting runs the store's schema creation, so reads never meet a missing table.</summary>
    public async Task<IHost> StartHostAsync(Action<HostApplicationBuilder> configure, CancellationToken cancellationToken)
    {
        var host = BuildHost(configure);
        await host.StartAsync(cancellationToken);
        return host;
    }

    /// <summary>
    /// Checks that a store is configured and, for SQLite, that its file exists: the workers create their store, the
    /// CLI only reads one, so a typo must not leave an empty database behind.
    /// </summary>
    /// <exception cref="StoreNotConfiguredException">No store, or no SQLite file where the configuration points.</exception>
    public void RequireExistingStore()
    {
        var store = Configuration.GetSection(StoreOptions.SectionName).Get<StoreOptions>() ?? new StoreOptions();
        if (string.IsNullOrWhiteSpace(store.ConnectionString))
        {
            throw new StoreNotConfiguredException();
        }

        if (store.Provider == StoreProvider.Sqlite
            && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.ConnectionString).DataSource is { Length: > 0 } file
            && !file.StartsWith(':')
            && !File.Exists(file))
        {
            throw new StoreNotConfiguredException($"No SQLite store at {Path.GetFullPath(file)} (State:ConnectionString); the CLI does not create a database.");
        }
    }

    /// <summary>A host with just the services a command needs, built from the same configuration as the workers.</summary>
    public IHost BuildHost(Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // A command answers within seconds: the services' two-minute wait for a store that is still starting is for
        // orchestrated start-ups, not for an operator at a prompt.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{StoreOptions.SectionName}:StartupTimeout"] = "00:00:05" });
        builder.Configuration.AddConfiguration(Configuration);
        builder.Logging.ClearProviders();
        configure(builder);
        return builder.Build();
    }
}
