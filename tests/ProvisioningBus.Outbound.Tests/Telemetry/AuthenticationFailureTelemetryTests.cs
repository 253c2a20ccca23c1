using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using PingOne.Emulator.Directory;
using ProvisioningBus.Outbound.Tests.Infrastructure;

namespace ProvisioningBus.Outbound.Tests.Telemetry;

/// <summary>
/// README, one failure rule: an authentication failure is reported as a connection problem, which includes
/// <c>provisioningbus.connection.authentication_failures{connection,resource}</c>, for a group change as for a user change.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class AuthenticationFailureTelemetryTests(RabbitMqFixture broker)
{
    private const string Failures = "provisioningbus.connection.authentication_failures";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Group_and_user_changes_refused_by_the_Docusign_credential_are_counted_against_the_connection()
    {
        var metrics = new ExportedMetrics();
        await using var scenario = await DeployedGroupScenario.StartAsync(
            broker,
            (pingOne, _) =>
            {
                pingOne.State.CreateUser("grace", "grace@example.com", new EmulatedUserName(Given: "Grace", Family: "Hopper"));
                return [pingOne.State.CreateGroup("Finance").Id];
            },
            // A refresh token Docusign no longer accepts, as after a revoked consent: every token request is invalid_grant.
            new Dictionary<string, string?> { [$"Docusign:Connections:{DeployedGroupScenario.ConnectionName}:RefreshToken"] = "revoked-refresh-token" },
            configureWorker: host => host.Services.AddOpenTelemetry().WithMetrics(meters => meters.AddInMemoryExporter(metrics.Snapshots)));

        // Each change is retried against the refusing token endpoint, and each attempt is reported.
        await Eventually.MatchesAsync(
            () =>
            {
                Assert.True(scenario.Worker.Services.GetRequiredService<MeterProvider>().ForceFlush());
                return (Group: Count(metrics, "group"), User: Count(metrics, "user"));
            },
            counts => counts.Group >= 2 && counts.User >= 2,
            Timeout,
            $"{Failures}{{connection={DeployedGroupScenario.ConnectionName}}} counts the group and the user change at every attempt");
        Assert.Equal(0, metrics.Sum(Failures, ("connection", "PingOne")));
        Assert.Null(scenario.Docusign.State.FindGroupByName("Finance"));
    }

    private static long Count(ExportedMetrics metrics, string resource) =>
        metrics.Sum(Failures, ("connection", DeployedGroupScenario.ConnectionName), ("resource", resource));
}
