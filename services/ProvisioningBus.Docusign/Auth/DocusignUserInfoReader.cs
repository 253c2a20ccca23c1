using System.Net.Http.Headers;
using System.Text.Json;

namespace ProvisioningBus.Docusign;

/// <summary><c>GET /oauth/userinfo</c> with a bearer token (fact sheet §5.5): the user and its accounts with their base_uri.</summary>
public static class DocusignUserInfoReader
{
    public static async Task<DocusignUserInfo> ReadAsync(HttpClient http, Uri endpoint, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DocusignAuthenticationException(DocusignAuthenticationFailure.TokenEndpointUnreachable, null, null, "The account server did not answer.", endpoint.AbsolutePath);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var (code, message) = DocusignExceptionFactory.ParseError(body);
                throw new DocusignApiException(response.StatusCode, code, message, "GET", endpoint.AbsolutePath);
            }

            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var accounts = new List<DocusignUserInfoAccount>();
            if (root.TryGetProperty("accounts", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var account in list.EnumerateArray())
                {
                    accounts.Add(new DocusignUserInfoAccount(
                        Text(account, "account_id"),
                        account.TryGetProperty("is_default", out var isDefault) && (isDefault.ValueKind == JsonValueKind.True || (isDefault.ValueKind == JsonValueKind.String && DocusignValues.ParseBool(isDefault.GetString()) == true)),
                        Text(account, "account_name"),
                        Text(account, "base_uri")));
                }
            }

            return new DocusignUserInfo(Text(root, "sub"), Text(root, "name"), Text(root, "email"), accounts);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
