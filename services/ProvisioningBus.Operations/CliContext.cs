using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProvisioningBus.Operations;

/// <summary>What every command needs: the merged configuration and where to write.</summary>
public sealed class CliContext(IConfiguration configuration, TextWriter output, TextWriter error)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public IConfiguration Configuration { get; } = configuration;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>Builds and starts the host: starting runs the store's schema creation, so reads never meet a missing table.</summary>
    public async Task<IHost> StartHostAsync(Action<HostApplicationBuilder> configure, CancellationToken cancellationToken)
    {
        var host = BuildHost(configure);
        await host.StartAsync(cancellationToken);
        return host;
    }

    /// <summary>A host with just the services a command needs, built from the same configuration as the workers.</summary>
    public IHost BuildHost(Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(Configuration);
        builder.Logging.ClearProviders();
        configure(builder);
        return builder.Build();
    }
}
