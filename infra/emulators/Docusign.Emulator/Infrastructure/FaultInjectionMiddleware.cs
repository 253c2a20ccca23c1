namespace Docusign.Emulator.Infrastructure;

/// <summary>Applies the configured latency, 5xx answers, hangs and dropped connections (real time, not the emulated clock).</summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, DocusignEmulatorState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (EmulatorPaths.IsControl(context.Request.Path))
        {
            await next(context);
            return;
        }

        var fault = state.DrawFault(context.Request.Path.Value ?? "");
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, context.RequestAborted);
        }

        switch (fault.Kind)
        {
            case FaultKind.DropConnection:
                context.Items[RequestRecordingMiddleware.DroppedItem] = true;
                context.Abort();
                return;
            case FaultKind.Timeout:
                try
                {
                    await Task.Delay(fault.TimeoutDuration, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    context.Items[RequestRecordingMiddleware.DroppedItem] = true;
                    return;
                }

                await EmulatorJson.WriteAsync(
                    context.Response,
                    EmulatorJson.Error(new EmulatorError("GATEWAY_TIMEOUT", "The upstream service did not answer in time.")),
                    StatusCodes.Status504GatewayTimeout);
                return;
            case FaultKind.ServerError:
                await EmulatorJson.WriteAsync(
                    context.Response,
                    EmulatorJson.Error(new EmulatorError("SERVICE_UNAVAILABLE", "The service is temporarily unavailable (injected fault).")),
                    fault.ServerErrorStatusCode);
                return;
            default:
                await next(context);
                return;
        }
    }
}
