using System.Collections.Concurrent;
using System.Text.Json;

namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>
/// Remembers every bearer token a worker sends and every token an OAuth endpoint hands out, so the secrets drill can
/// look for the exact values (the emulators keep their access tokens to themselves).
/// </summary>
public sealed class CredentialRecorder
{
    private readonly ConcurrentDictionary<string, byte> tokens = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Tokens => [.. tokens.Keys];

    internal void Add(string? token)
    {
        if (!string.IsNullOrWhiteSpace(token))
        {
            tokens.TryAdd(token, 0);
        }
    }

    internal void AddTokenResponse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            foreach (var name in new[] { "access_token", "refresh_token", "id_token" })
            {
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    Add(value.GetString());
                }
            }
        }
        catch (JsonException)
        {
            // Not a token answer (an error page): nothing to remember.
        }
    }
}
