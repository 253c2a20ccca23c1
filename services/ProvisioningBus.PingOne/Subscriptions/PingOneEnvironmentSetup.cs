using System.Net.Http.Json;
using System.Text.Json;
using ProvisioningBus.PingOne.Connection;

namespace ProvisioningBus.PingOne.Subscriptions;

/// <summary>The Management API calls of <see cref="IPingOneEnvironmentSetup"/>, as the worker app (bearer added by the handler).</summary>
internal sealed class PingOneEnvironmentSetup(HttpClient http, PingOneConnectionOptions options) : IPingOneEnvironmentSetup
{
    private string Environment => $"{options.ApiBaseUri.AbsoluteUri.TrimEnd('/')}/environments/{Uri.EscapeDataString(options.EnvironmentId)}";

    public async Task<PingOneEnvironment> ReadEnvironmentAsync(CancellationToken ct) =>
        await SendAsync<PingOneEnvironment>(HttpMethod.Get, Environment, null, ct);

    public async Task<IReadOnlyList<PingOneSubscription>> ListSubscriptionsAsync(CancellationToken ct)
    {
        // At most 50 subscriptions exist (pingone-api.md §1.1): one page holds them all.
        var page = await SendAsync<JsonElement>(HttpMethod.Get, $"{Environment}/subscriptions", null, ct);
        return page.TryGetProperty("_embedded", out var embedded) && embedded.TryGetProperty("subscriptions", out var list)
            ? list.Deserialize<List<PingOneSubscription>>(PingOneJson.Options) ?? []
            : [];
    }

    public Task<PingOneSubscription> CreateSubscriptionAsync(PingOneSubscription subscription, CancellationToken ct) =>
        SendAsync<PingOneSubscription>(HttpMethod.Post, $"{Environment}/subscriptions", subscription with { Id = null }, ct);

    public Task<PingOneSubscription> ReplaceSubscriptionAsync(string subscriptionId, PingOneSubscription subscription, CancellationToken ct) =>
        SendAsync<PingOneSubscription>(HttpMethod.Put, $"{Environment}/subscriptions/{Uri.EscapeDataString(subscriptionId)}", subscription with { Id = null }, ct);

    public async Task DeleteSubscriptionAsync(string subscriptionId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{Environment}/subscriptions/{Uri.EscapeDataString(subscriptionId)}");
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw PingOneApiException.FromResponse(response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string uri, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: PingOneJson.Options);
        }

        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw PingOneApiException.FromResponse(response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }

        return (await response.Content.ReadFromJsonAsync<T>(PingOneJson.Options, ct))!;
    }
}
