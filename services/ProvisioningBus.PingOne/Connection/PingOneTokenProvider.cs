using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace ProvisioningBus.PingOne.Connection;

/// <summary>
/// Worker-app tokens by <c>client_credentials</c> with client_secret_basic. A token "is valid for 1 hour"
/// (fact sheet §2.1); it is reused until shortly before it expires, and only one caller refreshes at a time
/// while the others wait for its result.
/// </summary>
internal sealed class PingOneTokenProvider(IHttpClientFactory httpClients, PingOneConnectionOptions options, TimeProvider time) : IDisposable
{
    public const string HttpClientName = "ProvisioningBus.PingOne.Auth";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private PingOneAccessToken? _current;

    public async ValueTask<string> GetTokenAsync(CancellationToken ct)
    {
        var cached = Volatile.Read(ref _current);
        if (cached is not null && time.GetUtcNow() < cached.RefreshAfter)
        {
            return cached.Value;
        }

        await _refresh.WaitAsync(ct);
        try
        {
            cached = Volatile.Read(ref _current);
            if (cached is not null && time.GetUtcNow() < cached.RefreshAfter)
            {
                return cached.Value;
            }

            var fresh = await RequestTokenAsync(ct);
            Volatile.Write(ref _current, fresh);
            return fresh.Value;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets <paramref name="rejected"/> if it is still the cached token (PingOne answered 401 to it).</summary>
    public void Invalidate(string rejected)
    {
        var cached = Volatile.Read(ref _current);
        if (cached is not null && cached.Value == rejected)
        {
            Interlocked.CompareExchange(ref _current, null, cached);
        }
    }

    public void Dispose() => _refresh.Dispose();

    private async Task<PingOneAccessToken> RequestTokenAsync(CancellationToken ct)
    {
        var http = httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
        };

        // client_secret_basic form-urlencodes id and secret before base64 (RFC 6749 §2.3.1).
        var credentials = $"{Uri.EscapeDataString(options.ClientId)}:{Uri.EscapeDataString(options.ClientSecret)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var requestedAt = time.GetUtcNow();
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw PingOneApiException.FromTokenResponse(response.StatusCode, body);
        }

        var token = await response.Content.ReadFromJsonAsync<PingOneTokenResponse>(ct);
        if (string.IsNullOrEmpty(token?.AccessToken))
        {
            throw new PingOneApiException(response.StatusCode, "INVALID_TOKEN_RESPONSE", "The token endpoint returned no access_token");
        }

        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn is > 0 ? token.ExpiresIn.Value : 3600);
        var margin = lifetime > RefreshMargin * 4 ? RefreshMargin : lifetime / 4;
        return new PingOneAccessToken(token.AccessToken, requestedAt + lifetime - margin);
    }
}
