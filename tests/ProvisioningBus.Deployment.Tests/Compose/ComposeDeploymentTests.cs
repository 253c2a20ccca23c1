using System.Net.Http.Json;
using System.Text.Json;
using PingOne.Emulator;

namespace ProvisioningBus.Deployment.Tests.Compose;

/// <summary>
/// docker-compose.yml without a Docker engine: every service this repository builds runs as its own OS process with
/// exactly the environment compose gives it (host names mapped to loopback ports), on a local RabbitMQ and PostgreSQL.
/// A compose key that binds no option, or a service that cannot reach another, leaves the change undelivered.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class ComposeDeploymentTests(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_user_created_through_the_PingOne_API_reaches_Docusign_through_every_compose_service()
    {
        var compose = ComposeFile.Load(Path.Combine(ServiceExecutable.RepositoryRoot, "docker-compose.yml"));
        Assert.Contains(compose.Built, service => service.Name == "gateway");
        Assert.Contains(compose.Built, service => service.Environment.GetValueOrDefault("Worker__Roles") == "users");

        await using var vhost = await broker.CreateVirtualHostAsync();
        var postgres = await PostgresDatabases.CreateAsync();
        var started = new List<ServiceProcess>();
        try
        {
            var network = new LocalComposeNetwork(compose, vhost.AmqpUri, broker.Broker.ManagementUri, postgres);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

            // Emulators first, then the gateway, then the workers: compose's depends_on order for what it gates on health.
            foreach (var service in compose.Built.OrderBy(service => service.Name.Contains("emulator", StringComparison.Ordinal) ? 0 : service.Name == "gateway" ? 1 : 2))
            {
                var probe = new Uri(network.BaseAddress(service.Name), service.HealthPath ?? "/");
                started.Add(await ServiceProcess.StartAsync(
                    service.ProjectDirectory, service.Name, network.EnvironmentOf(service), [], _ => AnswersAsync(http, probe, healthy: service.HealthPath is not null), Timeout));
            }

            var pingOne = network.BaseAddress("pingone-emulator");
            var environmentId = compose.Built.Single(service => service.Name == "pingone-emulator").Environment["PingOne__Emulator__EnvironmentId"];
            var email = $"compose.{Guid.NewGuid():N}@compose.example";
            await CreatePingOneUserAsync(http, pingOne, environmentId, email);

            var docusign = new Uri(network.BaseAddress("docusign-emulator"), "/_emulator/state");
            try
            {
                await Eventually.MatchesAsync(
                    () => DocusignEmailsAsync(http, docusign),
                    emails => emails.Contains(email, StringComparer.OrdinalIgnoreCase),
                    Timeout,
                    $"{email} exists in the Docusign emulator");
            }
            catch (TimeoutException timeout)
            {
                throw new TimeoutException($"{timeout.Message}\n{string.Join("\n", started.Select(service => $"--- {service.Name}:\n{service.Output}"))}", timeout);
            }
        }
        finally
        {
            foreach (var service in Enumerable.Reverse(started))
            {
                await service.DisposeAsync();
            }

            await PostgresDatabases.DropAsync(postgres);
        }
    }

    /// <summary>An administrator's API client, not the worker's: the gateway drops the worker's own changes as echo.</summary>
    private static async Task CreatePingOneUserAsync(HttpClient http, Uri pingOne, string environmentId, string email)
    {
        var admin = new PingOneEmulatorOptions();
        using var token = await http.PostAsync(new Uri(pingOne, $"/{environmentId}/as/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = admin.AdminApiClientId,
            ["client_secret"] = admin.AdminApiClientSecret,
        }));
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();

        using var create = new HttpRequestMessage(HttpMethod.Post, new Uri(pingOne, $"/v1/environments/{environmentId}/users"))
        {
            Content = JsonContent.Create(new { username = email, email, name = new { given = "Compose", family = "User" } }),
        };
        create.Headers.Authorization = new("Bearer", accessToken);
        using var created = await http.SendAsync(create);
        Assert.True(created.IsSuccessStatusCode, $"PingOne create answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
    }

    private static async Task<IReadOnlyList<string>> DocusignEmailsAsync(HttpClient http, Uri state)
    {
        var document = await http.GetFromJsonAsync<JsonElement>(state);
        return [.. document.GetProperty("users").EnumerateArray().Select(user => user.GetProperty("email").GetString() ?? string.Empty)];
    }

    /// <param name="healthy">Require a 2xx (a health endpoint); otherwise any HTTP answer shows the process listens.</param>
    private static async Task<bool> AnswersAsync(HttpClient http, Uri probe, bool healthy)
    {
        try
        {
            using var response = await http.GetAsync(probe);
            return !healthy || response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
