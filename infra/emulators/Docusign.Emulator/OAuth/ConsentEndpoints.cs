using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace Docusign.Emulator.OAuth;

/// <summary>
/// <c>GET /oauth/auth</c>: the consent page of the Authorization Code Grant. With <see cref="DocusignEmulatorOptions.AutoApproveConsent"/>
/// it approves at once and redirects to redirect_uri with <c>code</c> and <c>state</c>; otherwise it shows an Accept link.
/// </summary>
internal static class ConsentEndpoints
{
    public static void Map(IEndpointRouteBuilder routes) => routes.MapGet("/oauth/auth", Consent);

    private static IResult Consent(HttpContext context, DocusignEmulatorOptions options, ConsentLedger consents)
    {
        var query = context.Request.Query;
        string? Value(string name) => query[name].Count > 0 && !string.IsNullOrEmpty(query[name][0]) ? query[name][0] : null;

        var clientId = Value("client_id");
        var redirectUri = Value("redirect_uri");
        if (clientId != options.ClientId)
        {
            return Page("The client_id is not a known integration key.", StatusCodes.Status400BadRequest);
        }

        // An unregistered redirect URI is refused on the page, never redirected to: that is what keeps codes from strangers.
        if (redirectUri is null || !IsRegistered(options, redirectUri))
        {
            return Page("The redirect URI is not registered for this integration key.", StatusCodes.Status400BadRequest);
        }

        if (Value("response_type") != "code")
        {
            return Redirect(redirectUri, ("error", "unsupported_response_type"), ("state", Value("state")));
        }

        var challenge = Value("code_challenge");
        var method = Value("code_challenge_method");
        if (challenge is not null && method != "S256")
        {
            return Redirect(redirectUri, ("error", "invalid_request"), ("error_description", "code_challenge_method must be S256"), ("state", Value("state")));
        }

        if (!options.AutoApproveConsent && Value("approve") != "true")
        {
            var accept = context.Request.Path + QueryString.Create(query.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString())).Append(KeyValuePair.Create("approve", (string?)"true")));
            return Results.Content(
                $"<html><body><h1>Allow access?</h1><p>Scopes: {WebUtility.HtmlEncode(Value("scope"))}</p><a id=\"accept\" href=\"{WebUtility.HtmlEncode(accept)}\">Accept</a></body></html>",
                "text/html");
        }

        var code = consents.Issue(clientId, redirectUri, challenge, method, Value("scope") ?? "signature");
        return Redirect(redirectUri, ("code", code), ("state", Value("state")));
    }

    private static bool IsRegistered(DocusignEmulatorOptions options, string redirectUri) =>
        options.RedirectUris.Contains(redirectUri, StringComparer.Ordinal)
        || (options.AcceptAnyLoopbackRedirect && Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) && uri.IsLoopback && uri.Scheme == Uri.UriSchemeHttp);

    private static IResult Redirect(string redirectUri, params (string Name, string? Value)[] parameters) =>
        Results.Redirect(QueryHelpers.AddQueryString(redirectUri, parameters.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Name, p.Value))));

    private static IResult Page(string message, int status) =>
        Results.Content($"<html><body><p>{WebUtility.HtmlEncode(message)}</p></body></html>", "text/html", statusCode: status);
}
