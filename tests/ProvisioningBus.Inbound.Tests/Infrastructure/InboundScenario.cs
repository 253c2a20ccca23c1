using Docusign.Emulator;
using Microsoft.Extensions.DependencyInjection;
using PingOne.Emulator;
using EmulatedUser = PingOne.Emulator.Directory.EmulatedUser;

namespace ProvisioningBus.Inbound.Tests.Infrastructure;

/// <summary>
/// A whole inbound deployment for one test: Docusign emulator → inbound poller → RabbitMQ (own virtual host) → inbound
/// consumer → PingOne emulator, every hop over real HTTP or AMQP, with a store of its own (SQLite file, or a PostgreSQL
/// database) that outlives the workers, so a test can restart them.
/// </summary>
public sealed class InboundScenario : IAsyncDisposable
{
    public const string ConnectionName = "demo";
    public const string RuleName = "docusign-staff";

    private readonly List<IAsyncDisposable> parts = [];
    private readonly string sqlitePath = Path.Combine(Path.GetTempPath(), $"provisioningbus-inbound-{Guid.NewGuid():N}.db");
    private string? postgres;

    private InboundScenario()
    {
    }

    public DocusignEmulator Docusign { get; private set; } = null!;

    public PingOneEmulator PingOne { get; private set; } = null!;

    public IsolatedVirtualHost VirtualHost { get; private set; } = null!;

    /// <summary>The PingOne population the rule provisions into.</summary>
    public string PopulationId { get; private set; } = null!;

    /// <param name="docusign">The Docusign emulator's options (a shared clock, limits); its defaults otherwise.</param>
    public static async Task<InboundScenario> StartAsync(RabbitMqFixture broker, bool onPostgres = false, DocusignEmulatorOptions? docusign = null)
    {
        var scenario = new InboundScenario();
        try
        {
            scenario.VirtualHost = await broker.CreateVirtualHostAsync();
            scenario.parts.Add(scenario.VirtualHost);
            scenario.Docusign = await DocusignEmulator.StartAsync(docusign ?? new DocusignEmulatorOptions());
            scenario.parts.Add(scenario.Docusign);
            scenario.PingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
            scenario.parts.Add(scenario.PingOne);
            scenario.PopulationId = scenario.PingOne.State.CreatePopulation("Docusign staff").Id;
            if (onPostgres)
            {
                scenario.postgres = await PostgresDatabases.CreateAsync();
            }

            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }
    }

    /// <summary>Worker settings; <paramref name="rule"/> entries are keys under <c>Inbound:Rules:{RuleName}</c>.</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? rule = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RabbitMq:Uri"] = VirtualHost.AmqpUri.ToString(),
            ["State:Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["State:ConnectionString"] = postgres ?? $"Data Source={sqlitePath}",
            ["PingOne:ApiBaseUri"] = PingOne.ApiBaseUri.ToString(),
            ["PingOne:AuthBaseUri"] = PingOne.AuthBaseUri.ToString(),
            ["PingOne:EnvironmentId"] = PingOne.EnvironmentId,
            ["PingOne:ClientId"] = PingOne.ClientId,
            ["PingOne:ClientSecret"] = PingOne.ClientSecret,
            [$"Docusign:Connections:{ConnectionName}:ServiceUri"] = Docusign.BaseUri.ToString(),
            [$"Docusign:Connections:{ConnectionName}:TokenEndpoint"] = Docusign.TokenEndpoint.ToString(),
            [$"Docusign:Connections:{ConnectionName}:AccountId"] = Docusign.AccountId,
            [$"Docusign:Connections:{ConnectionName}:ClientId"] = Docusign.Options.ClientId,
            [$"Docusign:Connections:{ConnectionName}:ClientSecret"] = Docusign.Options.ClientSecret,
            [$"Docusign:Connections:{ConnectionName}:RefreshToken"] = Docusign.Options.InitialRefreshToken,
            [$"Inbound:Rules:{RuleName}:SourceConnection"] = ConnectionName,
            [$"Inbound:Rules:{RuleName}:TargetEnvironmentId"] = PingOne.EnvironmentId,
            [$"Inbound:Rules:{RuleName}:TargetPopulationId"] = PopulationId,
        }.WithQuickQuarantine();
        foreach (var (key, value) in rule ?? new Dictionary<string, string?>())
        {
            settings[$"Inbound:Rules:{RuleName}:{key}"] = value;
        }

        return settings;
    }

    public async Task<RunningInboundWorker> StartWorkerAsync(
        IDictionary<string, string?>? rule = null, TimeProvider? clock = null, Action<IServiceCollection>? customize = null)
    {
        var worker = await RunningInboundWorker.StartAsync(Settings(rule), clock, customize);
        parts.Add(worker);
        return worker;
    }

    /// <summary>A worker whose configuration no longer has the rule (deleted), with <paramref name="extra"/> settings on top.</summary>
    public async Task<RunningInboundWorker> StartWorkerWithoutRuleAsync(IDictionary<string, string?>? extra = null)
    {
        var settings = Settings();
        foreach (var key in settings.Keys.Where(key => key.StartsWith($"Inbound:Rules:{RuleName}:", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var worker = await RunningInboundWorker.StartAsync(settings);
        parts.Add(worker);
        return worker;
    }

    /// <summary>Seeds a Docusign user directly in the emulated account (no API call).</summary>
    public EmulatedUserView SeedDocusignUser(string first, string last, string? jobTitle = "Engineer", string status = "Active")
    {
        var user = Docusign.State.SeedUser($"{first} {last}", $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@example.com", first, last, jobTitle, status);
        return new EmulatedUserView(user.UserId, user.UserName, user.Email);
    }

    /// <summary>PingOne users carrying a Docusign userId, i.e. provisioned by an inbound rule, by externalId.</summary>
    public IReadOnlyDictionary<string, EmulatedUser> ProvisionedInPingOne() =>
        PingOne.State.Users().Where(user => user.ExternalId is not null).ToDictionary(user => user.ExternalId!, StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, EmulatedUser>> WaitForPingOneAsync(Func<IReadOnlyDictionary<string, EmulatedUser>, bool> condition, string because) =>
        Eventually.MatchesAsync(ProvisionedInPingOne, condition, TimeSpan.FromSeconds(30), because);

    public async ValueTask DisposeAsync()
    {
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            await parts[i].DisposeAsync();
        }

        if (postgres is not null)
        {
            await PostgresDatabases.DropAsync(postgres);
        }

        foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A pooled SQLite connection may still hold the file; the temp directory is cleaned eventually.
            }
        }
    }
}
