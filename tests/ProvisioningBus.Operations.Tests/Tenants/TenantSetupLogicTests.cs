using ProvisioningBus.Docusign;
using ProvisioningBus.Operations.Connect;
using ProvisioningBus.Operations.Subscriptions;

namespace ProvisioningBus.Operations.Tests.Tenants;

public sealed class TenantSetupLogicTests
{
    [Theory]
    [InlineData("https://provisioning.example.com/webhooks/pingone", 0)]
    [InlineData("http://provisioning.example.com/webhooks/pingone", 1)]
    [InlineData("https://10.1.2.3/webhooks/pingone", 1)]
    [InlineData("https://192.168.0.10/webhooks/pingone", 1)]
    [InlineData("https://gateway/webhooks/pingone", 1)]
    [InlineData("http://127.0.0.1:5080/webhooks/pingone", 2)]
    [InlineData("https://gateway.cluster.local/webhooks/pingone", 1)]
    public void Gateway_urls_PingOne_cannot_reach_are_warned_about(string url, int warnings) =>
        Assert.Equal(warnings, GatewayReachability.Warnings(new Uri(url)).Count);

    [Fact]
    public void A_pasted_redirect_URL_or_bare_code_is_read()
    {
        var full = AuthorizationResponse.Parse("http://127.0.0.1:8765/callback?code=abc&state=xyz");
        var denied = AuthorizationResponse.Parse("http://127.0.0.1:8765/callback?error=access_denied&state=xyz");
        var bare = AuthorizationResponse.Parse("  abc  ");

        Assert.Equal(("abc", "xyz"), (full.Code, full.State));
        Assert.Equal("access_denied", denied.Error);
        Assert.Equal(("abc", null), (bare.Code, bare.State));
        Assert.DoesNotContain("abc", full.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_PKCE_challenge_is_the_RFC_7636_S256_of_the_verifier()
    {
        // RFC 7636 appendix B's example.
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", DocusignPkce.ChallengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        var pkce = DocusignPkce.Create();
        Assert.Equal(43, pkce.Verifier.Length);
        Assert.NotEqual(pkce.Verifier, DocusignPkce.Create().Verifier);
    }
}
