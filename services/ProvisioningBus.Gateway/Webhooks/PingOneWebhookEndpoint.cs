using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Messaging;
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
        WebhookTriage triage,
        DirectoryChangePublisher publisher,
        MalformedEventParking parking,
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
            batch = parser.ParseEachEvent(body, isNdJson);
        }
        catch (PingOneWebhookFormatException exception)
        {
            // Only a body that cannot be split into events lands here; a bad event inside a readable batch is parked.
            return Problem(StatusCodes.Status400BadRequest, "Malformed webhook body.", exception.Message);
        }

        if (batch.EventCount > options.Value.MaxEventsPerBatch)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Too many events in one webhook batch.",
                $"The batch holds {batch.EventCount} events; the limit is {options.Value.MaxEventsPerBatch} (Gateway:Webhook:MaxEventsPerBatch), as PingOne sends at most 500 per POST. Nothing of it was published.");
        }

        var deliveryId = WebhookDeliveryId.Of(body);
        var (changes, ignored) = triage.Sort(batch);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            deadline.CancelAfter(options.Value.PublishTimeout);
            await Task.WhenAll(publisher.PublishAsync(changes, deadline.Token), parking.ParkAsync(deliveryId, batch.Malformed, deadline.Token));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // Not 200: PingOne keeps the batch at the head of its queue and retries, so nothing is lost. Parking is
            // idempotent per delivery id, so the retry parks nothing twice.
            logger.LogError(exception, "Could not confirm webhook delivery {DeliveryId}: {Count} changes on the broker, {Parked} parked events in the store", deliveryId, changes.Count, batch.Malformed.Count);
            return Problem(StatusCodes.Status503ServiceUnavailable, "The broker or the store did not confirm the batch.", "Retry later; nothing of this batch is acknowledged.");
        }

        WebhookEventCounts.Record(logger, deliveryId, changes.Count, ignored, batch.Malformed);
        var echoes = ignored.Count(ignoredEvent => ignoredEvent.Reason == WebhookTriage.Echo);
        return Results.Ok(new WebhookReceipt(batch.EventCount, changes.Count, ignored.Count, echoes, batch.Malformed.Count, deliveryId));
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
