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

    public async ValueTask DisposeAsync()
    {
        using var response = await management.DeleteAsync($"/api/vhosts/{Uri.EscapeDataString(Name)}");
    }
}
