using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Messaging;

namespace ProvisioningBus.Core.Status;

/// <summary>Reads queue depths from RabbitMQ's management API (the broker's own numbers, not our estimates).</summary>
public sealed class RabbitMqQueueDepthReader(IHttpClientFactory httpClients, IOptions<BusOptions> bus) : IQueueDepthReader
{
    public const string HttpClientName = "rabbitmq-management";

    public async Task<(IReadOnlyList<QueueDepth>? Queues, string? UnavailableReason)> ReadAsync(CancellationToken cancellationToken)
    {
        var options = bus.Value;
        if (!options.UsesRabbitMq)
        {
            return (null, "in-memory bus: no broker queues");
        }

        var address = RabbitMqAddress.Parse(options.Uri!);
        var management = string.IsNullOrWhiteSpace(options.ManagementUri)
            ? new Uri($"http://{address.Host}:15672/")
            : new Uri(options.ManagementUri);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(management, $"api/queues/{Uri.EscapeDataString(address.VirtualHost)}?columns=name,messages,consumers"));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{address.UserName}:{address.Password}")));
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"RabbitMQ management API answered {(int)response.StatusCode}");
            }

            var queues = await response.Content.ReadFromJsonAsync<List<ManagementQueue>>(cancellationToken) ?? [];
            return ([.. queues.Select(queue => new QueueDepth(queue.Name, queue.Messages, queue.Consumers)).OrderBy(queue => queue.Name, StringComparer.Ordinal)], null);
        }
        catch (HttpRequestException exception)
        {
            return (null, $"RabbitMQ management API unreachable ({exception.HttpRequestError})");
        }
    }

    private sealed record ManagementQueue(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("messages")] long Messages,
        [property: JsonPropertyName("consumers")] long Consumers);
}
