using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using ProvisioningBus.PingOne.Webhooks;
using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Gateway.Webhooks;

public static class PingOneWebhookEndpoint
{
    private const string NdJsonMediaType = "application/x-ndjson";

    public static IEndpointRouteBuilder MapPingOneWebhook(this IEndpointRouteBuilder endpoints)
    {
        var path = endpoints.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.Path;
        endpoints.MapPost(path, ReceiveAsync).WithName("PingOneWebhook");
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext context,
        WebhookAuthenticator authenticator,
        PingOneActivityParser parser,
        ActivityBatchPublisher publisher,
        IOptions<WebhookOptions> options,
        ILogger<WebhookReceipt> logger)
    {
        var request = context.Request;
        if (!authenticator.IsAuthentic(request))
        {
            return Problem(StatusCodes.Status401Unauthorized, "Missing or wrong webhook secret.", $"The '{options.Value.HeaderName}' header must carry the configured secret.");
        }

        var mediaType = request.ContentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        var isNdJson = mediaType == NdJsonMediaType;
        if (mediaType != "application/json" && !isNdJson)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type.", $"Send application/json (an ACTIVITY array) or {NdJsonMediaType}; got '{request.ContentType}'.");
        }

        var maxBytes = options.Value.MaxBodyBytes;
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var body = await ReadBodyAsync(request, maxBytes, context.RequestAborted);
        if (body is null)
        {
            return TooLarge(maxBytes);
        }

        PingOneActivityBatch batch;
        try
        {
            batch = parser.Parse(body, isNdJson);
        }
        catch (PingOneWebhookFormatException exception)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed webhook body.", exception.Message);
        }

        try
        {
            var (published, echoes) = await publisher.PublishAsync(batch.Changes, context.RequestAborted);
            ProvisioningBusMetrics.WebhookEvents.Add(published, new KeyValuePair<string, object?>("disposition", "published"));
            ProvisioningBusMetrics.WebhookEvents.Add(echoes, new KeyValuePair<string, object?>("disposition", "echo"));
            ProvisioningBusMetrics.WebhookEvents.Add(batch.Ignored.Count, new KeyValuePair<string, object?>("disposition", "ignored"));
            foreach (var ignored in batch.Ignored)
            {
                logger.LogDebug("Ignored PingOne event {EventId} ({ActionType}): {Reason}", ignored.EventId, ignored.ActionType, ignored.Reason);
            }

            return Results.Ok(new WebhookReceipt(batch.Changes.Count + batch.Ignored.Count, published, batch.Ignored.Count, echoes));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // Not 200: PingOne keeps the batch at the head of its queue and retries, so nothing is lost.
            logger.LogError(exception, "Could not confirm a webhook batch of {Count} changes on the broker", batch.Changes.Count);
            return Problem(StatusCodes.Status503ServiceUnavailable, "The broker did not confirm the batch.", "Retry later; nothing of this batch is acknowledged.");
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            // Our own limit answers 413 with a reason; Kestrel's would throw mid-read.
            sizeFeature.MaxRequestBodySize = null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult TooLarge(long maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Webhook body too large.", $"The limit is {maxBytes} bytes (Gateway:Webhook:MaxBodyBytes).");

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
