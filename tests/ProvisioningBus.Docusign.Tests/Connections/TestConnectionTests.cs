using Docusign.Emulator;
using ProvisioningBus.Docusign;

namespace ProvisioningBus.Docusign.Tests.Connections;

public sealed class TestConnectionTests
{
    [Fact]
    public async Task A_working_connection_reports_the_account_and_user()
    {
        await using var context = await DocusignTestContext.StartAsync();

        var result = await context.Client.TestConnectionAsync();

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(context.Emulator.Options.AccountName, result.AccountName);
        Assert.Equal(context.Emulator.Options.AdminEmail, result.UserEmail);
        Assert.Null(result.BaseUriMismatch);
        Assert.Equal(1, context.State.RefreshCount);
        AssertNoSecrets(context, result);
    }

    [Fact]
    public async Task An_unreachable_token_endpoint_is_named()
    {
        await using var context = await DocusignTestContext.StartAsync(configureConnection: c => c.TokenEndpoint = new Uri("http://127.0.0.1:1/oauth/token"));

        var result = await context.Client.TestConnectionAsync();

        Assert.Equal(DocusignConnectionTestOutcome.TokenEndpointUnreachable, result.Outcome);
        Assert.Contains("127.0.0.1:1", result.Message, StringComparison.Ordinal);
        AssertNoSecrets(context, result);
    }

    [Fact]
    public async Task A_refused_refresh_token_is_named_invalid_grant()
    {
        await using var context = await DocusignTestContext.StartAsync(configureConnection: c => c.RefreshToken = "an-old-refresh-token");

        var result = await context.Client.TestConnectionAsync();

        Assert.Equal(DocusignConnectionTestOutcome.InvalidGrant, result.Outcome);
        Assert.Equal("invalid_grant", result.ErrorCode);
        Assert.DoesNotContain("an-old-refresh-token", result.Message, StringComparison.Ordinal);
        AssertNoSecrets(context, result);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_named_invalid_client()
    {
        await using var context = await DocusignTestContext.StartAsync(configureConnection: c => c.ClientSecret = "wrong-secret-4711");

        var result = await context.Client.TestConnectionAsync();

        Assert.Equal(DocusignConnectionTestOutcome.InvalidClient, result.Outcome);
        Assert.Equal(401, result.StatusCode);
        Assert.DoesNotContain("wrong-secret-4711", result.ToString(), StringComparison.Ordinal);
        AssertNoSecrets(context, result);
    }

    [Fact]
    public async Task An_account_the_user_does_not_belong_to_is_named()
    {
        var otherAccount = Guid.NewGuid().ToString();
        await using var context = await DocusignTestContext.StartAsync(configureConnection: c => c.AccountId = otherAccount);

        var result = await context.Client.TestConnectionAsync();

        Assert.Equal(DocusignConnectionTestOutcome.UnknownAccount, result.Outcome);
        Assert.Contains(otherAccount, result.Message, StringComparison.Ordinal);
        Assert.Contains(context.Emulator.AccountId, result.Message, StringComparison.Ordinal);
        AssertNoSecrets(context, result);
    }

    [Fact]
    public async Task A_user_without_admin_rights_is_named()
    {
        await using var context = await DocusignTestContext.StartAsync(new DocusignEmulatorOptions { TokenUserIsAdmin = false });

        var result = await context.Client.TestConnectionAsync();

        Assert.Equal(DocusignConnectionTestOutcome.InsufficientPermissions, result.Outcome);
        Assert.Equal("USER_LACKS_PERMISSIONS", result.ErrorCode);
        Assert.Contains(context.Emulator.Options.AdminEmail, result.Message, StringComparison.Ordinal);
        AssertNoSecrets(context, result);
    }

    [Fact]
    public async Task An_unreachable_rest_service_is_named_and_the_real_base_uri_suggested()
    {
        await using var context = await DocusignTestContext.StartAsync(configureConnection: c => c.ServiceUri = new Uri("http://127.0.0.1:1/"));

        var result = await context.Client.TestConnectionAsync();

        Assert.Equal(DocusignConnectionTestOutcome.ServiceUnreachable, result.Outcome);
        Assert.Equal(context.Emulator.BaseUri.GetLeftPart(UriPartial.Authority), result.BaseUriMismatch);
        AssertNoSecrets(context, result);
    }

    [Fact]
    public async Task An_exhausted_rate_limit_is_named_without_waiting_for_the_window()
    {
        await using var context = await DocusignTestContext.StartAsync(new DocusignEmulatorOptions { HourlyLimit = 0 });

        var result = await context.Client.TestConnectionAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(DocusignConnectionTestOutcome.RateLimited, result.Outcome);
        Assert.Equal("HOURLY_APIINVOCATION_LIMIT_EXCEEDED", result.ErrorCode);
    }

    [Fact]
    public async Task A_missing_refresh_token_is_named()
    {
        await using var context = await DocusignTestContext.StartAsync(configureConnection: c => c.RefreshToken = null);

        var result = await context.Client.TestConnectionAsync();

        Assert.Equal(DocusignConnectionTestOutcome.MissingRefreshToken, result.Outcome);
        Assert.Equal(0, context.State.TokenRequestCount);
    }

    private static void AssertNoSecrets(DocusignTestContext context, DocusignConnectionTestResult result)
    {
        var text = result.ToString();
        Assert.DoesNotContain(context.Emulator.Options.ClientSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(context.Emulator.Options.InitialRefreshToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(context.State.CurrentRefreshToken, text, StringComparison.Ordinal);
    }
}
