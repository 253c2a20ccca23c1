using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using ProvisioningBus.Core.Messaging;
using RabbitMQ.Client;

namespace ProvisioningBus.Operations.Commands;

/// <summary>
/// MassTransit moves a message that exhausted its retries to <c>{queue}_error</c> with the exception in
/// <c>MT-Fault-*</c> headers. Listing reads the management API; replay moves messages back to the queue's own
/// exchange (MassTransit binds an exchange of the same name to every receive queue).
/// </summary>
public sealed class ErrorQueues(BusOptions bus)
{
    public const string ErrorSuffix = "_error";

    public async Task<IReadOnlyList<(string Queue, long Messages)>> ListAsync(CancellationToken cancellationToken)
    {
        var address = RabbitMqAddress.Parse(bus.Uri!);
        var management = string.IsNullOrWhiteSpace(bus.ManagementUri) ? new Uri($"http://{address.Host}:15672/") : new Uri(bus.ManagementUri);
        using var http = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{address.UserName}:{address.Password}")));
        var queues = await http.GetFromJsonAsync<List<ManagementQueue>>($"api/queues/{Uri.EscapeDataString(address.VirtualHost)}?columns=name,messages", cancellationToken) ?? [];
        return [.. queues.Where(queue => queue.Name.EndsWith(ErrorSuffix, StringComparison.Ordinal)).OrderBy(queue => queue.Name, StringComparer.Ordinal).Select(queue => (queue.Name, queue.Messages))];
    }

    /// <summary>Moves up to <paramref name="max"/> messages from <c>{queue}_error</c> back to <c>{queue}</c>; returns how many.</summary>
    public async Task<int> ReplayAsync(string queue, int max, CancellationToken cancellationToken)
    {
        var address = RabbitMqAddress.Parse(bus.Uri!);
        var factory = new ConnectionFactory
        {
            HostName = address.Host,
            Port = address.Port,
            VirtualHost = address.VirtualHost,
            UserName = address.UserName,
            Password = address.Password,
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var errorQueue = queue.EndsWith(ErrorSuffix, StringComparison.Ordinal) ? queue : queue + ErrorSuffix;
        var target = errorQueue[..^ErrorSuffix.Length];
        var moved = 0;
        while (moved < max && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } message)
        {
            var properties = new BasicProperties(message.BasicProperties)
            {
                Headers = message.BasicProperties.Headers?
                    .Where(header => !header.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && header.Key != "MT-Reason")
                    .ToDictionary(header => header.Key, header => header.Value),
            };

            // Acknowledge only after the broker confirmed the republish: a crash in between duplicates, never loses.
            await channel.BasicPublishAsync(target, string.Empty, mandatory: true, properties, message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }

        return moved;
    }

    private sealed record ManagementQueue([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("messages")] long Messages);
}
