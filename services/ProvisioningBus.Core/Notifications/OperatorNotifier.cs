using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProvisioningBus.Core.Notifications;

/// <summary>
/// Tells operators about what waits for a person: a quarantined connection, held deletions. Best effort: a notification
/// that cannot be delivered is logged, never allowed to fail the work that raised it.
/// </summary>
public sealed class OperatorNotifier(IHttpClientFactory clients, IOptions<NotificationOptions> options, TimeProvider time, ILogger<OperatorNotifier> logger)
{
    public const string HttpClientName = "operator-notifications";

    /// <summary>A rule's deletions wait for <c>approve-deletions</c>; said once per hold, by the run that held them.</summary>
    public Task DeletionsHeldAsync(string rule, string reason, CancellationToken ct) =>
        NotifyAsync("deletions.held", rule, $"ProvisioningBus: rule {rule} holds deletions for approval. {reason}", ct);

    public async Task NotifyAsync(string @event, string subject, string text, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.Value.WebhookUrl) || !Uri.TryCreate(options.Value.WebhookUrl, UriKind.Absolute, out var url))
        {
            return;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await clients.CreateClient(HttpClientName)
                .PostAsJsonAsync(url, new OperatorNotification(text, @event, subject, time.GetUtcNow()), timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The notification webhook answered {Status} to the {Event} notification of {Subject}", (int)response.StatusCode, @event, subject);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The URL carries the receiver's secret, so only the failure's type is logged.
            logger.LogWarning("The {Event} notification of {Subject} could not be delivered ({Error})", @event, subject, ex.GetType().Name);
        }
    }
}
