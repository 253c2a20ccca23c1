using Polly.Timeout;

namespace ProvisioningBus.Docusign;

/// <summary>Outermost handler: a call that got no answer after the transient retries becomes a <see cref="DocusignApiException"/> without a status.</summary>
internal sealed class DocusignTransportErrorHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new DocusignApiException(null, "TRANSPORT_ERROR", $"No answer from {request.RequestUri?.Host} ({ex.HttpRequestError}).", request.Method.Method, request.RequestUri?.AbsolutePath);
        }
        catch (TimeoutRejectedException)
        {
            throw new DocusignApiException(null, "TIMEOUT", $"No answer from {request.RequestUri?.Host} in time.", request.Method.Method, request.RequestUri?.AbsolutePath);
        }
    }
}
