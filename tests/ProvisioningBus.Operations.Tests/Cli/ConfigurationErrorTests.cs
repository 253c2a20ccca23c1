using System.Diagnostics;
using ProvisioningBus.Operations;
using ProvisioningBus.Operations.Tests.Infrastructure;

namespace ProvisioningBus.Operations.Tests.Cli;

public sealed class ConfigurationErrorTests
{
    [Fact]
    public async Task Validate_on_a_file_with_five_problems_lists_all_five_each_naming_its_key()
    {
        var file = Path.Combine(Path.GetTempPath(), $"five-problems-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            {
              "State": { "Provider": "Sqlite", "ConnectionString": "Data Source=never-created.db" },
              "PingOne": { "EnvironmentId": "env", "ClientId": "worker", "ClientSecret": "pingone-worker-secret" },
              "Docusign": { "Connections": { "demo": {
                "ServiceUri": "not a uri", "TokenEndpoint": "ftp://x",
                "AccountId": "account", "ClientId": "client", "ClientSecret": "secret", "RefreshToken": "token" } } },
              "Outbound": { "Rules": { "people": { "SourceEnvironmentId": "env", "TargetConnection": "missing" } } },
              "Gateway": { "Webhook": { "Secret": "short" } },
              "Leases": { "UserTtl": "00:00:01" }
            }
            """);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CliApplication.RunAsync(["validate", "--config", file], output, error);

            var problems = output.ToString().Split('\n').Where(line => line.StartsWith("  - ", StringComparison.Ordinal)).ToList();
            Assert.Equal(ExitCodes.InvalidConfiguration, exit);
            Assert.Equal(5, problems.Count);
            foreach (var key in new[] { "Docusign:Connections:demo:ServiceUri", "Docusign:Connections:demo:TokenEndpoint", "Outbound:Rules:people:TargetConnection", "Gateway:Webhook:Secret", "Leases:UserTtl" })
            {
                Assert.Single(problems, problem => problem.Contains(key, StringComparison.Ordinal));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Validate_names_bad_quarantine_and_notification_settings()
    {
        var run = await CliRun.InvokeAsync(
            new Dictionary<string, string?>
            {
                ["Resilience:Quarantine:HoldLimit"] = "01:00:00",
                ["Resilience:Quarantine:FailuresBeforeQuarantine"] = "0",
                ["Notifications:WebhookUrl"] = "hooks.slack.example/not-absolute",
            },
            "validate");

        Assert.Equal(ExitCodes.InvalidConfiguration, run.ExitCode);
        foreach (var key in new[] { "Resilience:Quarantine:HoldLimit", "Resilience:Quarantine:FailuresBeforeQuarantine", "Notifications:WebhookUrl" })
        {
            Assert.Contains(key, run.Output, StringComparison.Ordinal);
        }

        // The URL is the receiver's secret.
        Assert.DoesNotContain("not-absolute", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_config_file_is_one_line_and_exit_code_1()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApplication.RunAsync(["validate", "--config", "missing.json"], output, error);

        Assert.Equal(ExitCodes.InvalidConfiguration, exit);
        Assert.Single(error.ToString().Trim().Split('\n'));
        Assert.Contains("missing.json", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_without_a_store_says_where_it_looked_and_creates_no_database()
    {
        var absent = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.db");

        var unconfigured = await CliRun.InvokeAsync(new Dictionary<string, string?>(), "status");
        var wrongPath = await CliRun.InvokeAsync(new Dictionary<string, string?> { ["State:ConnectionString"] = $"Data Source={absent}" }, "status");

        Assert.Equal(ExitCodes.InvalidConfiguration, unconfigured.ExitCode);
        Assert.Contains("State:ConnectionString", unconfigured.Error, StringComparison.Ordinal);
        Assert.Contains("appsettings.json", unconfigured.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidConfiguration, wrongPath.ExitCode);
        Assert.Contains(absent, wrongPath.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(absent));
    }

    [Fact]
    public async Task Status_on_an_unreachable_store_fails_within_seconds_with_one_line()
    {
        var clock = Stopwatch.StartNew();

        var run = await CliRun.InvokeAsync(
            new Dictionary<string, string?> { ["State:Provider"] = "Postgres", ["State:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=never-printed;Timeout=2" },
            "status");

        Assert.Equal(ExitCodes.RemoteFailure, run.ExitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains("State:ConnectionString", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("never-printed", run.Error, StringComparison.Ordinal);
    }
}
