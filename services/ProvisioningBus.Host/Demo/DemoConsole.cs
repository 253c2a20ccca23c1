using System.Diagnostics;

namespace ProvisioningBus.Host.Demo;

/// <summary>What a newcomer sees: where everything listens, then the initial sync's progress.</summary>
/// <param name="interactive">
/// A terminal: the progress is one line rewritten in place. Redirected output (a log file, a test) gets plain lines,
/// one per change of the count, since a carriage return there only garbles the file.
/// </param>
public sealed class DemoConsole(TextWriter output, bool interactive)
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

    /// <summary>Prints done/total and the rate until every in-scope user is provisioned (or the host stops).</summary>
    /// <param name="outOfScope">Demo users the rule's scope leaves out: never provisioned, so not waited for.</param>
    public async Task ShowProgressAsync(Func<(int Done, int Total)> progress, int outOfScope, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        var (done, total) = progress();
        var shown = -1;
        var width = 0;
        try
        {
            while (done < total && await ticker.WaitForNextTickAsync(cancellationToken))
            {
                (done, total) = progress();
                var line = DemoProgress.Line(done, total, clock.Elapsed);
                if (interactive)
                {
                    // Padded to the previous line's width, so a shorter line leaves nothing of the longer one behind.
                    output.Write("\r" + line.PadRight(width));
                    width = line.Length;
                }
                else if (done != shown)
                {
                    output.WriteLine(line);
                    shown = done;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (interactive && width > 0)
        {
            output.WriteLine();
        }

        var skipped = outOfScope == 0 ? "" : $", {outOfScope} out of the rule's scope";
        output.WriteLine($"Initial sync complete: {done} users provisioned to Docusign in {clock.Elapsed.TotalSeconds:F1} s{skipped}. Listening for changes.");
        output.WriteLine("  What happened to whom: the provisioning log on the status page, or /api/log with the same token.");
    }
}
