using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using ProvisioningBus.Docusign;

namespace ProvisioningBus.Core.Connections;

/// <summary>
/// Test Connection gates provisioning: a worker tests every enabled Docusign connection when it starts and whenever the
/// connections' configuration changes. A connection whose test fails for a reason a person must fix (refused grant or
/// client, no refresh token, unknown account, no admin rights) is quarantined at once, its status reading
/// "Quarantined: Connection test failed: &lt;outcome&gt; …": no change goes through it, they wait, and they are applied once
/// a later test or a try after the backoff passes. A test that fails on a transient fault (a host down, a rate limit)
/// quarantines nothing: the changes' own retries handle that.
/// </summary>
public sealed class ConnectionSelfTest(
    IConfiguration configuration,
    IDocusignClientProvider docusign,
    ConnectionSwitch switches,
    ConnectionQuarantine quarantine,
    ILogger<ConnectionSelfTest> logger) : BackgroundService
{
    private const string Section = "Docusign:Connections";

    private static readonly HashSet<DocusignConnectionTestOutcome> NeedsAPerson =
    [
        DocusignConnectionTestOutcome.InvalidGrant,
        DocusignConnectionTestOutcome.InvalidClient,
        DocusignConnectionTestOutcome.MissingRefreshToken,
        DocusignConnectionTestOutcome.UnknownAccount,
        DocusignConnectionTestOutcome.InsufficientPermissions,
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var changed = new SemaphoreSlim(0);
        using var subscription = ChangeToken.OnChange(configuration.GetReloadToken, () => changed.Release());
        string? tested = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Any configuration reload wakes this up; only a change of the connections' settings is tested again.
            var fingerprint = Fingerprint();
            if (fingerprint != tested)
            {
                tested = fingerprint;
                await TestEnabledConnectionsAsync(stoppingToken);
            }

            await changed.WaitAsync(stoppingToken);
        }
    }

    private async Task TestEnabledConnectionsAsync(CancellationToken ct)
    {
        foreach (var name in docusign.ConnectionNames.Where(switches.IsEnabled))
        {
            try
            {
                var result = await docusign.Get(name).TestConnectionAsync(ct);
                if (result.Succeeded)
                {
                    await quarantine.ReportSuccessAsync(name, ct);
                    logger.LogInformation("Connection {Connection}: test passed", name);
                }
                else if (NeedsAPerson.Contains(result.Outcome))
                {
                    await quarantine.ReportFailedTestAsync(name, $"{result.Outcome}: {result.Message}", ct);
                }
                else
                {
                    logger.LogWarning("Connection {Connection}: test did not complete ({Outcome}: {Message}); changes retry on their own", name, result.Outcome, result.Message);
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // The store unreachable while recording the verdict, say: the next configuration change or restart tests again.
                logger.LogWarning("Connection {Connection}: test could not be recorded ({Error}: {Message})", name, ex.GetType().Name, ex.Message);
            }
        }
    }

    private string Fingerprint() =>
        string.Join('\n', configuration.GetSection(Section).AsEnumerable().OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
}
