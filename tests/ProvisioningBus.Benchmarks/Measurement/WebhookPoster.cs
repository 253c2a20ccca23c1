using System.Net;
using System.Text;
using PingOne.Emulator.Activities;
using ProvisioningBus.Benchmarks.Deployment;

namespace ProvisioningBus.Benchmarks.Measurement;

/// <summary>
/// Posts recorded PingOne audit events to the gateway the way a subscription does: ACTIVITY JSON arrays of up to 500
/// events with the secret header, one batch at a time, each re-posted until it gets 200.
/// </summary>
public sealed class WebhookPoster(Uri webhookUri) : IDisposable
{
    public const int MaxEventsPerPost = 500;
    private const int MaxAttempts = 20;

    private readonly HttpClient client = CreateClient();

    /// <summary>Rejected posts that were retried (the gateway answered non-200).</summary>
    public int RetriedPosts { get; private set; }

    public async Task PostAsync(IReadOnlyList<RecordedActivity> events, int batchSize, CancellationToken ct)
    {
        foreach (var batch in events.Chunk(Math.Clamp(batchSize, 1, MaxEventsPerPost)))
        {
            await PostBatchAsync(batch, ct);
        }
    }

    public async Task PostBatchAsync(IReadOnlyList<RecordedActivity> batch, CancellationToken ct)
    {
        var body = "[" + string.Join(',', batch.Select(activity => activity.Json)) + "]";
        for (var attempt = 1; ; attempt++)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(webhookUri, content, ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"The gateway answered {(int)response.StatusCode} to a batch of {batch.Count} events {attempt} times.");
            }

            RetriedPosts++;
            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct);
        }
    }

    public void Dispose() => client.Dispose();

    private static HttpClient CreateClient()
    {
        var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add(GatewayHost.SecretHeader, GatewayHost.WebhookSecret);
        return client;
    }
}
