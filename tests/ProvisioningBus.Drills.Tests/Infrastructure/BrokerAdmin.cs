using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;

namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>RabbitMQ's management API, as far as the drills read it: one test's queues in its own virtual host.</summary>
public sealed class BrokerAdmin : IDisposable
{
    private readonly HttpClient http;

    public BrokerAdmin(RabbitMqFixture broker)
    {
        var management = broker.Broker.ManagementUri;
        var userInfo = Uri.UnescapeDataString(management.UserInfo);
        http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userInfo.Length > 0 ? userInfo : "guest:guest")));
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
