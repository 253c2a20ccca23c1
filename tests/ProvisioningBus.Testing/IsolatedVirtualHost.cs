namespace ProvisioningBus.Testing;

/// <summary>A virtual host owned by one test; deleting it removes every exchange and queue the test declared.</summary>
public sealed class IsolatedVirtualHost(string name, Uri amqpUri, HttpClient management) : IAsyncDisposable
{
    public string Name { get; } = name;

    public Uri AmqpUri { get; } = amqpUri;

    public async ValueTask DisposeAsync()
    {
        using var response = await management.DeleteAsync($"/api/vhosts/{Uri.EscapeDataString(Name)}");
    }
}
