using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ProvisioningBus.Docusign;

/// <summary>
/// <c>POST /oauth/token</c> for every grant (refresh token, authorization code, JWT): form-encoded, the integration
/// key and secret as HTTP Basic when there is a secret (fact sheet §5.2), errors mapped to
/// <see cref="DocusignAuthenticationFailure"/> with the secrets redacted from the description.
/// </summary>
public sealed class DocusignTokenEndpoint(HttpClient http, Uri endpoint, string connectionName, ILogger logger, params string?[] secrets)
{
    public Uri Address => endpoint;

    public async Task<DocusignIssuedToken> RequestAsync(
        IEnumerable<KeyValuePair<string, string>> form, string? clientId, string? clientSecret, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        if (clientId is not null && clientSecret is not null)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            logger.LogWarning("Docusign connection {Connection}: token endpoint {Host} unreachable ({Error})", connectionName, endpoint.Host, ex.GetType().Name);
            throw new DocusignAuthenticationException(
                DocusignAuthenticationFailure.TokenEndpointUnreachable, null, null,
                $"The token endpoint {endpoint.GetLeftPart(UriPartial.Path)} did not answer ({ex.GetType().Name}).",
                endpoint.AbsolutePath);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var (error, description) = DocusignExceptionFactory.ParseError(body);
                var failure = Classify(response.StatusCode, error);
                logger.LogWarning("Docusign connection {Connection}: token endpoint refused the grant ({Status} {Error})", connectionName, (int)response.StatusCode, error);
                throw new DocusignAuthenticationException(failure, response.StatusCode, error, Redact(description), endpoint.AbsolutePath);
            }

            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var accessToken = Text(root, "access_token");
            if (string.IsNullOrEmpty(accessToken))
            {
                throw new DocusignAuthenticationException(DocusignAuthenticationFailure.Other, response.StatusCode, "invalid_response", "The token response has no access_token.", endpoint.AbsolutePath);
            }

            var expiresIn = root.TryGetProperty("expires_in", out var e)
                ? e.ValueKind == JsonValueKind.Number ? e.GetInt32() : DocusignValues.ParseInt(e.GetString()) ?? 0
                : 0;
            return new DocusignIssuedToken(accessToken, Text(root, "refresh_token"), expiresIn > 0 ? expiresIn : 3600);
        }
    }

    private static DocusignAuthenticationFailure Classify(HttpStatusCode status, string? error) => error switch
    {
        "invalid_grant" => DocusignAuthenticationFailure.InvalidGrant,
        "invalid_client" or "unauthorized_client" => DocusignAuthenticationFailure.InvalidClient,
        "consent_required" => DocusignAuthenticationFailure.ConsentRequired,
        _ when status == HttpStatusCode.Unauthorized => DocusignAuthenticationFailure.InvalidClient,
        _ => DocusignAuthenticationFailure.Other,
    };

    private string? Redact(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
