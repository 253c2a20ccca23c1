using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;

namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>
/// RabbitMQ's management API, limited to one test's virtual host: an outage of that host (its user's permissions
/// revoked and its connections closed) fails publishes and consumers exactly as a broker restart does, without
/// touching the broker that other test projects use.
/// </summary>
public sealed class BrokerAdmin : IDisposable
{
    private readonly HttpClient http;
    private readonly string user;

    public BrokerAdmin(RabbitMqFixture broker)
    {
        var management = broker.Broker.ManagementUri;
        var userInfo = Uri.UnescapeDataString(management.UserInfo);
        http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userInfo.Length > 0 ? userInfo : "guest:guest")));
        user = Uri.UnescapeDataString(broker.Broker.AmqpUri.UserInfo.Split(':')[0]);
    }

    public async Task<IReadOnlyList<string>> ConnectionsAsync(string vhost)
    {
        var connections = await http.GetFromJsonAsync<List<NamedItem>>($"/api/vhosts/{Uri.EscapeDataString(vhost)}/connections") ?? [];
        return [.. connections.Select(connection => connection.Name)];
    }

    /// <summary>Revokes the user's access to the virtual host, then closes every client connection into it: reconnects are refused until <see cref="RestoreAsync"/>.</summary>
    public async Task CutOffAsync(string vhost)
    {
        using (var revoked = await http.DeleteAsync($"/api/permissions/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(user)}"))
        {
            revoked.EnsureSuccessStatusCode();
        }

        // The connection list comes from sampled statistics, so a connection opened just before the revocation may show
        // up late: keep closing until the list stays empty (new ones are refused now).
        await Eventually.MatchesAsync(CloseAllAsync, remaining => remaining == 0, TimeSpan.FromSeconds(30), $"every connection into {vhost} is closed");

        async Task<int> CloseAllAsync()
        {
            var names = await ConnectionsAsync(vhost);
            foreach (var name in names)
            {
                using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/connections/{Uri.EscapeDataString(name)}");
                request.Headers.Add("X-Reason", "drill: broker outage");
                using var closed = await http.SendAsync(request);
            }

            return names.Count;
        }
    }

    public async Task RestoreAsync(string vhost)
    {
        using var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        using var granted = await http.PutAsync($"/api/permissions/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(user)}", permissions);
        granted.EnsureSuccessStatusCode();
    }

    /// <summary>Messages in a queue (ready + unacknowledged), or null while it does not exist. The figures are the broker's sampled statistics.</summary>
    public async Task<QueueDepth?> QueueAsync(string vhost, string queue)
    {
        using var response = await http.GetAsync($"/api/queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var depth = await response.Content.ReadFromJsonAsync<QueueStatistics>();
        return new QueueDepth(depth?.Ready ?? 0, depth?.Unacknowledged ?? 0);
    }

    public void Dispose() => http.Dispose();

    private sealed record NamedItem([property: JsonPropertyName("name")] string Name);

    private sealed record QueueStatistics(
        [property: JsonPropertyName("messages_ready")] long? Ready,
        [property: JsonPropertyName("messages_unacknowledged")] long? Unacknowledged);
}
