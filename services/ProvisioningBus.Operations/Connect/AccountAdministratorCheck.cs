using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ProvisioningBus.Docusign;

namespace ProvisioningBus.Operations.Connect;

/// <summary>
/// User and group management needs the token's user to be an account administrator (fact sheet §5.4): the CLI reads
/// the consenting user in the chosen account (<c>GET …/users/{sub}</c>, its <c>isAdmin</c>) before it keeps the token.
/// </summary>
public static class AccountAdministratorCheck
{
    /// <returns>Null when the user is an administrator, else why not.</returns>
    public static async Task<string?> ProblemAsync(HttpClient http, DocusignUserInfoAccount account, DocusignUserInfo user, string accessToken, CancellationToken cancellationToken)
    {
        var uri = new Uri(new Uri(account.BaseUri!.TrimEnd('/') + "/"), $"restapi/v2.1/accounts/{Uri.EscapeDataString(account.AccountId!)}/users/{Uri.EscapeDataString(user.Sub ?? "")}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.Forbidden || (!response.IsSuccessStatusCode && body.Contains("USER_LACKS_PERMISSIONS", StringComparison.Ordinal)))
        {
            return $"{user.Email} is not an administrator of account {account.AccountId}: Docusign refused to show its users (HTTP {(int)response.StatusCode}). Consent again as an account administrator.";
        }

        if (!response.IsSuccessStatusCode)
        {
            return $"Reading {user.Email} in account {account.AccountId} failed (HTTP {(int)response.StatusCode}).";
        }

        using var document = JsonDocument.Parse(body);
        // Docusign sends booleans as strings ("True") (fact sheet §0).
        var isAdmin = document.RootElement.TryGetProperty("isAdmin", out var flag)
            && (flag.ValueKind == JsonValueKind.True || (flag.ValueKind == JsonValueKind.String && DocusignValues.ParseBool(flag.GetString()) == true));
        return isAdmin ? null : $"{user.Email} is not an administrator of account {account.AccountId}; consent again as an account administrator.";
    }
}
