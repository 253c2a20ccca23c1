using Docusign.Emulator;
using Microsoft.Data.Sqlite;
using ProvisioningBus.Operations.Tests.Infrastructure;

namespace ProvisioningBus.Operations.Tests.Tenants;

public sealed class ConnectDocusignCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Connect_docusign_completes_the_PKCE_consent_through_the_loopback_redirect_and_the_stored_token_then_calls_the_users_API()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();

        using var cli = RunningCli.Start(TenantSettings.BeforeConsent(docusign, database), "connect", "docusign", "demo", "--port", "0", "--no-browser");
        var consentUrl = await cli.WaitForLineAsync(line => line.Contains("/oauth/auth?", StringComparison.Ordinal), Timeout);
        using (var browser = new HttpClient())
        {
            // The emulator's consent page approves at once and redirects to the CLI's loopback listener.
            var page = await browser.GetStringAsync(new Uri(consentUrl));
            Assert.Contains("You can close this tab", page, StringComparison.Ordinal);
        }

        var run = await cli.CompleteAsync(Timeout);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Contains("code_challenge_method=S256", consentUrl, StringComparison.Ordinal);
        Assert.Contains("scope=signature%20extended", consentUrl, StringComparison.Ordinal);
        Assert.Contains($"Docusign:Connections:demo:AccountId = {docusign.AccountId}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Docusign:Connections:demo:ServiceUri = {docusign.BaseUri.ToString().TrimEnd('/')}", run.Output, StringComparison.Ordinal);
        var issued = docusign.State.CurrentRefreshToken;
        Assert.DoesNotContain(issued, run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(issued, StoredTokenColumn(database), StringComparison.Ordinal);

        // The consent started a new chain, so the emulator's initial token is dead: only the stored one can work.
        var test = await CliRun.InvokeAsync(TenantSettings.AfterConsent(docusign, database), "test-connection", "demo");
        Assert.True(test.ExitCode == ExitCodes.Success, test.Output + test.Error);
        Assert.True(docusign.State.CountRequests("GET", "/users") >= 1);
    }

    [Fact]
    public async Task Connect_docusign_takes_a_pasted_redirect_URL_on_a_headless_server()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var pasted = new BlockingReader();

        using var cli = RunningCli.Start(TenantSettings.BeforeConsent(docusign, database), pasted, "connect", "docusign", "demo", "--paste", "--port", "8765");
        var consentUrl = await cli.WaitForLineAsync(line => line.Contains("/oauth/auth?", StringComparison.Ordinal), Timeout);
        using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            using var redirect = await browser.GetAsync(new Uri(consentUrl));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.StartsWith("http://127.0.0.1:8765/callback?code=", redirect.Headers.Location!.ToString(), StringComparison.Ordinal);
            pasted.Provide(redirect.Headers.Location!.ToString());
        }

        var run = await cli.CompleteAsync(Timeout);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        var test = await CliRun.InvokeAsync(TenantSettings.AfterConsent(docusign, database), "test-connection", "demo");
        Assert.True(test.ExitCode == ExitCodes.Success, test.Output + test.Error);
    }

    [Fact]
    public async Task Connect_docusign_refuses_a_user_who_is_not_an_account_administrator_and_stores_nothing()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions { TokenUserIsAdmin = false });
        using var database = new TemporaryDatabase();

        using var cli = RunningCli.Start(TenantSettings.BeforeConsent(docusign, database), "connect", "docusign", "demo", "--port", "0", "--no-browser");
        var consentUrl = await cli.WaitForLineAsync(line => line.Contains("/oauth/auth?", StringComparison.Ordinal), Timeout);
        using (var browser = new HttpClient())
        {
            await browser.GetStringAsync(new Uri(consentUrl));
        }

        var run = await cli.CompleteAsync(Timeout);
        Assert.Equal(ExitCodes.RemoteFailure, run.ExitCode);
        Assert.Contains("is not an administrator", run.Error, StringComparison.Ordinal);
        Assert.Equal("", StoredTokenColumn(database));
    }

    [Fact]
    public async Task Connect_docusign_with_an_account_the_user_does_not_have_lists_the_users_accounts_and_stores_nothing()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();

        using var cli = RunningCli.Start(TenantSettings.BeforeConsent(docusign, database), "connect", "docusign", "demo", "--port", "0", "--no-browser", "--account", "not-an-account");
        var consentUrl = await cli.WaitForLineAsync(line => line.Contains("/oauth/auth?", StringComparison.Ordinal), Timeout);
        using (var browser = new HttpClient())
        {
            await browser.GetStringAsync(new Uri(consentUrl));
        }

        var run = await cli.CompleteAsync(Timeout);
        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Contains("has no account not-an-account", run.Error, StringComparison.Ordinal);
        Assert.Contains(docusign.AccountId, run.Error, StringComparison.Ordinal);
        Assert.Equal("", StoredTokenColumn(database));
    }

    [Fact]
    public async Task Connect_docusign_names_the_missing_keys()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = TenantSettings.BeforeConsent(docusign, database);
        settings.Remove("Docusign:Connections:demo:OAuthBaseUri");
        settings.Remove("Docusign:Connections:demo:ClientSecret");

        var run = await CliRun.InvokeAsync(settings, "connect", "docusign", "demo", "--no-browser");
        var unknown = await CliRun.InvokeAsync(settings, "connect", "docusign", "other");

        Assert.Equal(ExitCodes.InvalidConfiguration, run.ExitCode);
        Assert.Contains("Docusign:Connections:demo:OAuthBaseUri", run.Error, StringComparison.Ordinal);
        Assert.Contains("Docusign:Connections:demo:ClientSecret", run.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
    }

    /// <summary>The raw token column: what the consent stored is the ciphertext, never the token itself.</summary>
    private static string StoredTokenColumn(TemporaryDatabase database)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(token), '') FROM refresh_tokens WHERE connection_name = 'demo'";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>Standard input that has a line only once the test pastes it.</summary>
    private sealed class BlockingReader : TextReader
    {
        private readonly TaskCompletionSource<string> _line = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Provide(string line) => _line.TrySetResult(line);

        public override string? ReadLine() => _line.Task.WaitAsync(Timeout).GetAwaiter().GetResult();
    }
}
