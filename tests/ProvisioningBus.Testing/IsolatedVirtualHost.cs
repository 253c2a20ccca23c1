namespace ProvisioningBus.Testing;

/// <summary>A virtual host owned by one test; deleting it removes every exchange and queue the test declared.</summary>
public sealed class IsolatedVirtualHost(string name, Uri amqpUri, HttpClient management) : IAsyncDisposable
{
    public string Name { get; } = name;

    public Uri AmqpUri { get; } = amqpUri;

    /// <summary>The queue's type as the broker declared it ("quorum", "classic"), or null when it does not exist.</summary>
    public async Task<string?> QueueTypeAsync(string queue)
    {
        using var response = await management.GetAsync($"/api/queues/{Uri.EscapeDataString(Name)}/{Uri.EscapeDataString(queue)}");
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
    }

    /// <summary>The messages in this virtual host's error queues (<c>*_error</c>, where MassTransit moves a change that failed), by queue.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ErrorQueueMessagesAsync()
    {
        using var queues = await GetJsonAsync($"/api/queues/{Uri.EscapeDataString(Name)}");
        return queues.RootElement.EnumerateArray()
            .Where(queue => queue.GetProperty("name").GetString()!.EndsWith("_error", StringComparison.Ordinal))
            .ToDictionary(
                queue => queue.GetProperty("name").GetString()!,
                queue => queue.TryGetProperty("messages", out var messages) && messages.ValueKind == System.Text.Json.JsonValueKind.Number ? messages.GetInt64() : 0L);
    }

    /// <summary>Every consumer in this virtual host: the queue it consumes and the client-provided name of its connection (its process).</summary>
    public async Task<IReadOnlyList<QueueConsumer>> ConsumersAsync()
    {
        // A consumer names its connection by address; the client-provided name is on the connection itself.
        var providedNames = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var connections = await GetJsonAsync($"/api/vhosts/{Uri.EscapeDataString(Name)}/connections"))
        {
            foreach (var connection in connections.RootElement.EnumerateArray())
            {
                providedNames[connection.GetProperty("name").GetString() ?? ""] =
                    connection.TryGetProperty("user_provided_name", out var provided) ? provided.GetString() ?? "" : "";
            }
        }

        using var consumers = await GetJsonAsync($"/api/consumers/{Uri.EscapeDataString(Name)}");
        return [.. consumers.RootElement.EnumerateArray().Select(consumer =>
        {
            // The broker lists a channel it has not sampled yet as an empty array: its connection is unknown ("").
            var details = consumer.GetProperty("channel_details");
            var connection = details.ValueKind == System.Text.Json.JsonValueKind.Object && details.TryGetProperty("connection_name", out var name) ? name.GetString() ?? "" : "";
            // A connection the management API has not listed yet is unknown too.
            return new QueueConsumer(consumer.GetProperty("queue").GetProperty("name").GetString() ?? "", providedNames.GetValueOrDefault(connection, ""));
        })];
    }

    private async Task<System.Text.Json.JsonDocument> GetJsonAsync(string path)
    {
        using var response = await management.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        using var response = await management.DeleteAsync($"/api/vhosts/{Uri.EscapeDataString(Name)}");
    }
}
