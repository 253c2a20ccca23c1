using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Docusign.Emulator;
using Microsoft.AspNetCore.WebUtilities;

namespace ProvisioningBus.Docusign.Tests.Emulator;

/// <summary>The emulator's consent page and the authorization-code and JWT grants, spoken to with a plain HttpClient.</summary>
public sealed class ConsentEndpointTests
{
    private static readonly Uri Redirect = new("http://127.0.0.1:8765/callback");

    [Fact]
    public async Task A_code_is_redeemed_once_and_only_with_the_verifier_of_its_challenge()
    {
        await using var emulator = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var http = Browser(emulator);
        var pkce = DocusignPkce.Create();

        var wrongVerifier = await RedeemCodeAsync(http, emulator, await ConsentAsync(http, emulator, pkce), DocusignPkce.Create().Verifier);
        var code = await ConsentAsync(http, emulator, pkce);
        var redeemed = await RedeemCodeAsync(http, emulator, code, pkce.Verifier);
        var reused = await RedeemCodeAsync(http, emulator, code, pkce.Verifier);

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (wrongVerifier.Status, wrongVerifier.Body["error"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, redeemed.Status);
        Assert.Equal(emulator.State.CurrentRefreshToken, redeemed.Body["refresh_token"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (reused.Status, reused.Body["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_consent_page_refuses_an_unregistered_redirect_uri_without_redirecting()
    {
        await using var emulator = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var http = Browser(emulator);

        var url = DocusignConsentUrl.ForAuthorizationCode(emulator.BaseUri, emulator.Options.ClientId, new Uri("https://attacker.example/callback"), "s", DocusignPkce.Create());
        using var response = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_JWT_assertion_is_checked_for_signature_audience_and_consent()
    {
        using var rsa = RSA.Create(2048);
        using var other = RSA.Create(2048);
        await using var emulator = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions { JwtPublicKeyPem = rsa.ExportSubjectPublicKeyInfoPem() });
        using var http = Browser(emulator);
        var audience = DocusignJwtAssertion.Audience(emulator.TokenEndpoint);
        var now = DateTimeOffset.UtcNow;
        string Assertion(RSA key, string aud) =>
            DocusignJwtAssertion.Create(emulator.Options.ClientId, emulator.State.AdminUserId, aud, key.ExportRSAPrivateKeyPem(), now);

        var beforeConsent = await RedeemJwtAsync(http, emulator, Assertion(rsa, audience));
        emulator.Consents.ImpersonationConsented = true;
        var wrongKey = await RedeemJwtAsync(http, emulator, Assertion(other, audience));
        var wrongAudience = await RedeemJwtAsync(http, emulator, Assertion(rsa, "account.docusign.com"));
        var good = await RedeemJwtAsync(http, emulator, Assertion(rsa, audience));

        Assert.Equal("consent_required", beforeConsent.Body["error"]!.GetValue<string>());
        Assert.Contains("signature", wrongKey.Body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("aud", wrongAudience.Body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.Status);
        Assert.Null(good.Body["refresh_token"]);
        Assert.Equal(3600, good.Body["expires_in"]!.GetValue<int>());
    }

    private static HttpClient Browser(DocusignEmulator emulator) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = emulator.BaseUri };

    private static async Task<string> ConsentAsync(HttpClient http, DocusignEmulator emulator, DocusignPkce pkce)
    {
        using var response = await http.GetAsync(DocusignConsentUrl.ForAuthorizationCode(emulator.BaseUri, emulator.Options.ClientId, Redirect, "state-1", pkce));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("state-1", query["state"].ToString());
        return query["code"].ToString();
    }

    private static Task<(HttpStatusCode Status, JsonObject Body)> RedeemCodeAsync(HttpClient http, DocusignEmulator emulator, string code, string verifier) =>
        PostAsync(http, emulator, [new("grant_type", "authorization_code"), new("code", code), new("code_verifier", verifier)], basic: true);

    private static Task<(HttpStatusCode Status, JsonObject Body)> RedeemJwtAsync(HttpClient http, DocusignEmulator emulator, string assertion) =>
        PostAsync(http, emulator, [new("grant_type", DocusignJwtAssertion.GrantType), new("assertion", assertion)], basic: false);

    private static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(HttpClient http, DocusignEmulator emulator, KeyValuePair<string, string>[] form, bool basic)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        if (basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{emulator.Options.ClientId}:{emulator.Options.ClientSecret}")));
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
