namespace ProvisioningBus.Deployment.Tests;

public sealed class HostConfigurationErrorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_short_webhook_secret_on_the_command_line_stops_the_gateway_with_one_line_and_exit_code_1()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync("services/ProvisioningBus.Gateway.Host", "--Gateway:Webhook:Secret=short"));

        Assert.Contains("exited with 1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Gateway:Webhook:Secret must be at least 16 characters", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Docusign_service_uri_that_is_not_a_uri_stops_the_worker_with_one_line_naming_the_key()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(
            "services/ProvisioningBus.Worker",
            "--Worker:Roles=users",
            "--Docusign:Connections:demo:ServiceUri=not a uri",
            "--Docusign:Connections:demo:TokenEndpoint=ftp://x"));

        Assert.Contains("exited with 1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Docusign:Connections:demo:ServiceUri must be an absolute", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Docusign:Connections:demo:TokenEndpoint must be an absolute", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_admin_token_stops_the_all_in_one_host_with_one_line_and_exit_code_1()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(
            "services/ProvisioningBus.Host", "--Host:GatewayPort=0", "--Host:DocusignEmulatorPort=0", "--Host:PingOneEmulatorPort=0", "--Gateway:Admin:Token=short"));

        Assert.Contains("exited with 1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Gateway:Admin:Token must be at least 16 characters", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Message, StringComparison.Ordinal);
    }

    private static Task<ServiceProcess> StartAsync(string project, params string[] arguments) =>
        ServiceProcess.StartAsync(
            project,
            Path.GetFileName(project),
            new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning" },
            ["--urls=http://127.0.0.1:0", .. arguments],
            // Never ready: each of these must exit at start-up.
            _ => Task.FromResult(false),
            Timeout);
}
