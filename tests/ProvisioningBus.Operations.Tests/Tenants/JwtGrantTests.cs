using System.Net;
using Docusign.Emulator;
using ProvisioningBus.Operations.Tests.Infrastructure;

namespace ProvisioningBus.Operations.Tests.Tenants;

public sealed class JwtGrantTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_JWT_grant_connection_calls_the_users_API_after_the_one_time_consent_printed_by_connect_docusign_jwt()
    {
        using var key = new RsaKeyFile();
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions { JwtPublicKeyPem = key.PublicKeyPem });
        using var database = new TemporaryDatabase();
        var settings = JwtSettings(docusign, database, key.Path);

        var beforeConsent = await CliRun.InvokeAsync(settings, "test-connection", "demo");
        var consent = await CliRun.InvokeAsync(settings, "connect", "docusign", "demo", "--jwt");
        var consentUrl = consent.Output.Split('\n').Single(line => line.Contains("/oauth/auth?", StringComparison.Ordinal)).Trim();
        using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            using var redirect = await browser.GetAsync(new Uri(consentUrl));
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        }

        var afterConsent = await CliRun.InvokeAsync(settings, "test-connection", "demo");

        Assert.Equal(ExitCodes.RemoteFailure, beforeConsent.ExitCode);
        Assert.Contains("has not consented", beforeConsent.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, consent.ExitCode);
        Assert.Contains("scope=signature%20impersonation", consentUrl, StringComparison.Ordinal);
        Assert.True(afterConsent.ExitCode == ExitCodes.Success, afterConsent.Output + afterConsent.Error);
        Assert.True(docusign.State.CountRequests("GET", "/users") >= 1);
    }

    [Fact]
    public async Task A_tampered_private_key_is_refused_with_a_message_that_names_the_key_file()
    {
        using var registered = new RsaKeyFile();
        using var other = new RsaKeyFile();
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions { JwtPublicKeyPem = registered.PublicKeyPem });
        docusign.Consents.ImpersonationConsented = true;
        using var database = new TemporaryDatabase();

        var run = await CliRun.InvokeAsync(JwtSettings(docusign, database, other.Path), "test-connection", "demo");

        Assert.Equal(ExitCodes.RemoteFailure, run.ExitCode);
        Assert.Contains("refused the JWT assertion", run.Output, StringComparison.Ordinal);
        Assert.Contains(other.Path, run.Output, StringComparison.Ordinal);
        Assert.Equal(0, docusign.State.CountRequests("GET", "/users"));
    }

    [Fact]
    public async Task Validate_names_a_missing_or_unreadable_private_key_file()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var notAKey = Path.Combine(Path.GetTempPath(), $"provisioningbus-notakey-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(notAKey, "not a key");
        try
        {
            var missing = await CliRun.InvokeAsync(JwtSettings(docusign, database, "/nonexistent/key.pem"), "validate");
            var unreadable = await CliRun.InvokeAsync(JwtSettings(docusign, database, notAKey), "validate");

            Assert.Equal(ExitCodes.InvalidConfiguration, missing.ExitCode);
            Assert.Contains("Docusign:Connections:demo:PrivateKeyFile does not exist", missing.Output, StringComparison.Ordinal);
            Assert.Contains("Docusign:Connections:demo:PrivateKeyFile is not a readable PEM RSA private key", unreadable.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(notAKey);
        }
    }

    internal static Dictionary<string, string?> JwtSettings(DocusignEmulator docusign, TemporaryDatabase database, string keyFile)
    {
        var settings = TenantSettings.AfterConsent(docusign, database);
        settings.Remove("Docusign:Connections:demo:ClientSecret");
        settings["Docusign:Connections:demo:GrantType"] = "jwt";
        settings["Docusign:Connections:demo:ImpersonatedUserId"] = docusign.State.AdminUserId;
        settings["Docusign:Connections:demo:PrivateKeyFile"] = keyFile;
        return settings;
    }
}
