using System.Diagnostics;

namespace ProvisioningBus.Host.Demo;

/// <summary>What a newcomer sees: where everything listens, then the initial sync's progress.</summary>
public sealed class DemoConsole(TextWriter output)
{
    public void Listening(Uri gateway, Uri webhook, string adminToken, Uri docusign, Uri pingOne, string? rabbitMqUri)
    {
        output.WriteLine("ProvisioningBus all-in-one");
        output.WriteLine($"  gateway:           {gateway}  (health: {new Uri(gateway, "/health/ready")})");
        // The demo's own token, printed on purpose: it opens this process's status page and nothing else.
        output.WriteLine($"  status page:       {new UriBuilder(new Uri(gateway, "/status")) { UserName = "admin", Password = adminToken }.Uri}  (user admin, password {adminToken})");
        output.WriteLine($"  status API:        curl -H 'Authorization: Bearer {adminToken}' {new Uri(gateway, "/api/status")}");
        output.WriteLine($"  PingOne webhook:   {webhook}");
        output.WriteLine($"  Docusign emulator: {docusign}");
        output.WriteLine($"  PingOne emulator:  {pingOne}");
        output.WriteLine($"  bus:               {(string.IsNullOrWhiteSpace(rabbitMqUri) ? "in-memory" : "RabbitMQ")}");
        output.WriteLine("Press Ctrl+C to stop.");
    }

    /// <summary>Prints done/total and the rate until everything is provisioned (or the host stops).</summary>
    public async Task ShowProgressAsync(Func<(int Done, int Total)> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        var (done, total) = progress();
        try
        {
            while (done < total && await ticker.WaitForNextTickAsync(cancellationToken))
            {
                (done, total) = progress();
                output.WriteLine($"  initial sync: users {done}/{total}  ({done / Math.Max(clock.Elapsed.TotalSeconds, 0.001):F0}/s)");
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        output.WriteLine($"Initial sync complete: {done} users provisioned to Docusign in {clock.Elapsed.TotalSeconds:F1} s. Listening for changes.");
    }
}
