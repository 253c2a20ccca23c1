using System.Text;

namespace Docusign.Emulator.Infrastructure;

/// <summary>
/// Logs every non-control request with its final status. For <c>/restapi</c> the request and response bodies are
/// kept too (tests validate them against the official spec); <c>/oauth</c> bodies carry secrets and are never kept.
/// </summary>
internal sealed class RequestRecordingMiddleware(RequestDelegate next, DocusignEmulatorState state)
{
    public const string DroppedItem = "docusign-emulator:dropped";

    public async Task InvokeAsync(HttpContext context)
    {
        if (EmulatorPaths.IsControl(context.Request.Path))
        {
            await next(context);
            return;
        }

        var keepBodies = EmulatorPaths.IsRest(context.Request.Path);
        string? requestBody = null;
        if (keepBodies && (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0))
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            requestBody = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(requestBody));
        }

        var originalBody = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = originalBody;
        }

        var dropped = context.Items.ContainsKey(DroppedItem);
        string? responseBody = null;
        if (!dropped && keepBodies && captured.Length > 0)
        {
            responseBody = Encoding.UTF8.GetString(captured.ToArray());
        }

        // Recorded before the body goes out: a client that has read the answer must find its request in the log.
        var sequence = state.Record(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.HasValue ? context.Request.QueryString.Value : null,
            dropped ? 0 : context.Response.StatusCode,
            requestBody,
            responseBody,
            context.Response.ContentType);
        if (dropped)
        {
            return;
        }

        try
        {
            captured.Position = 0;
            await captured.CopyToAsync(originalBody, context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            state.MarkDropped(sequence);
        }
    }
}
