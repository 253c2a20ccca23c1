using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using ProvisioningBus.Core.DeadLetters;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Rules;
using RabbitMQ.Client;

namespace ProvisioningBus.Operations.Commands;

/// <summary>
/// MassTransit moves a message that exhausted its retries to <c>{queue}_error</c> with the exception in
/// <c>MT-Fault-*</c> headers. Counting reads the management API; reading and replay take the messages over AMQP and
/// give back those they leave. Replay moves messages back to the queue's own exchange (MassTransit binds an exchange
/// of the same name to every receive queue).
/// </summary>
/// <remarks>
/// Messages left in place are taken unacknowledged and returned with <c>basic.nack</c> (requeue), one by one in the
/// order they were taken, so the queue's order survives a list or a selective replay (ErrorsCommandTests checks it on
/// our quorum queues on RabbitMQ 3.10). A quorum queue's delivery limit (RabbitMQ 4 sets one by default) may count such returns.
/// </remarks>
public sealed class ErrorQueues(BusOptions bus, OutboundOptions outbound)
{
    public const string ErrorSuffix = "_error";

    /// <summary>Every <c>_error</c> queue of the virtual host and how many messages it holds.</summary>
    public async Task<IReadOnlyList<(string Queue, long Messages)>> ListAsync(CancellationToken cancellationToken)
    {
        var address = RabbitMqAddress.Parse(bus.Uri!);
        var management = string.IsNullOrWhiteSpace(bus.ManagementUri) ? new Uri($"http://{address.Host}:15672/") : new Uri(bus.ManagementUri);
        using var http = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{address.UserName}:{address.Password}")));
        var queues = await http.GetFromJsonAsync<List<ManagementQueue>>($"api/queues/{Uri.EscapeDataString(address.VirtualHost)}?columns=name,messages", cancellationToken) ?? [];
        return [.. queues.Where(queue => queue.Name.EndsWith(ErrorSuffix, StringComparison.Ordinal)).OrderBy(queue => queue.Name, StringComparer.Ordinal).Select(queue => (queue.Name, queue.Messages))];
    }

    /// <summary>
    /// How many messages <c>{queue}_error</c> holds (the broker's count now, not the management API's sample) and up to
    /// <paramref name="max"/> of them that <paramref name="selection"/> matches, oldest first; all stay in the queue.
    /// </summary>
    public async Task<(long Messages, IReadOnlyList<DeadLetter> Letters)> ReadAsync(string queue, int max, DeadLetterSelection selection, CancellationToken cancellationToken)
    {
        var errorQueue = ErrorQueueOf(queue);
        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var present = await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken);
        var letters = new List<DeadLetter>();
        var taken = new List<ulong>();
        for (var i = 0u; i < present.MessageCount && letters.Count < max; i++)
        {
            if (await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is not { } message)
            {
                break;
            }

            taken.Add(message.DeliveryTag);
            var letter = Read(errorQueue, message);
            if (selection.Matches(letter.Subject))
            {
                letters.Add(letter);
            }
        }

        await ReturnInOrderAsync(channel, taken, cancellationToken);
        return (present.MessageCount, letters);
    }

    /// <summary>
    /// Moves up to <paramref name="max"/> messages that <paramref name="selection"/> matches from <c>{queue}_error</c>
    /// back to <c>{queue}</c>, oldest first; the others stay in <c>_error</c>, in order. Returns how many moved.
    /// </summary>
    public async Task<int> ReplayAsync(string queue, int max, DeadLetterSelection selection, CancellationToken cancellationToken)
    {
        var errorQueue = ErrorQueueOf(queue);
        var target = errorQueue[..^ErrorSuffix.Length];
        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        // A replayed change that fails again comes back with its message id: met a second time, it ends the run. The
        // queue's count at the start is no bound: a message another client (say `errors list`) just returned may not
        // be counted as ready yet. It bounds only messages without an id.
        var present = await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<ulong>();
        var moved = 0;
        for (var taken = 0u; moved < max; taken++)
        {
            if (await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is not { } message)
            {
                break;
            }

            if (message.BasicProperties.MessageId is { } id ? !seen.Add(id) : taken >= present.MessageCount)
            {
                kept.Add(message.DeliveryTag);
                break;
            }

            if (!selection.Matches(ChangeSubjects.Describe(message.Body, target, outbound)))
            {
                kept.Add(message.DeliveryTag);
                continue;
            }

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

        await ReturnInOrderAsync(channel, kept, cancellationToken);
        return moved;
    }

    /// <summary>One nack per message, oldest first, so each goes back in the order it was taken.</summary>
    private static async Task ReturnInOrderAsync(IChannel channel, List<ulong> tags, CancellationToken cancellationToken)
    {
        foreach (var tag in tags)
        {
            await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
        }
    }

    public static string ErrorQueueOf(string queue) => queue.EndsWith(ErrorSuffix, StringComparison.Ordinal) ? queue : queue + ErrorSuffix;

    private DeadLetter Read(string errorQueue, BasicGetResult message)
    {
        var headers = message.BasicProperties.Headers;
        var subject = ChangeSubjects.Describe(message.Body, errorQueue[..^ErrorSuffix.Length], outbound);
        return new DeadLetter(
            errorQueue,
            message.BasicProperties.MessageId,
            subject?.MessageType ?? Header(headers, "MT-MessageType"),
            subject,
            Header(headers, "MT-Fault-ExceptionType"),
            Header(headers, "MT-Fault-Message"),
            DateTimeOffset.TryParse(Header(headers, "MT-Fault-Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null);
    }

    /// <summary>AMQP carries header strings as bytes; MassTransit writes its fault headers as strings.</summary>
    private static string? Header(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            }
            : null;

    private Task<IConnection> ConnectAsync(CancellationToken cancellationToken) => BrokerConnection.OpenAsync(bus.Uri!, cancellationToken);

    private sealed record ManagementQueue([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("messages")] long Messages);
}
