using System.Net;
using System.Net.Http.Headers;

namespace ProvisioningBus.Docusign;

/// <summary>Adds the bearer token; on 401 refreshes once (unless another caller already did) and retries once.</summary>
internal sealed class DocusignOAuthHandler(DocusignTokenManager tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // An expired access token gives 401 (fact sheet §4.2).
        response.Dispose();
        var renewed = await tokens.RefreshAfterRejectionAsync(token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
