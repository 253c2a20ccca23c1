using System.Net;
using System.Net.Http.Headers;

namespace ProvisioningBus.PingOne.Connection;

/// <summary>
/// Adds the worker-app bearer token. A 401 means the token was revoked or expired early: drop it, fetch a new
/// one and send once more.
/// </summary>
internal sealed class PingOneAuthenticationHandler(PingOneTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        tokens.Invalidate(token);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
