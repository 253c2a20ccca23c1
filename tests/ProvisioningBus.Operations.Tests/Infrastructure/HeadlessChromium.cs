using System.Diagnostics;

namespace ProvisioningBus.Operations.Tests.Infrastructure;

/// <summary>Debian's Chromium, headless, rendering a page (scripts included): its resulting DOM, or a screenshot.</summary>
public static class HeadlessChromium
{
    private const string Binary = "/usr/bin/chromium";

    public static Task<string> RenderAsync(Uri page, TimeSpan timeout) => RunAsync(page, ["--dump-dom"], timeout);

    /// <summary>Saves a PNG of the page as a browser window of 1400 × 2000 shows it, once its scripts have run.</summary>
    public static async Task ScreenshotAsync(Uri page, string file, TimeSpan timeout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await RunAsync(page, [$"--screenshot={file}", "--window-size=1400,2000", "--hide-scrollbars"], timeout);
    }

    private static async Task<string> RunAsync(Uri page, IEnumerable<string> output, TimeSpan timeout)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: run `bash infra/scripts/test.sh`, which installs Debian's chromium package.");
        }

        var profile = Directory.CreateTempSubdirectory("provisioningbus-chromium-");
        try
        {
            var start = new ProcessStartInfo(Binary)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // The flags keep Chromium off the network beyond the page itself (this machine refuses other traffic)
            // and let the page's fetch() finish before the DOM is dumped.
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}",
                "--virtual-time-budget=10000",
            }.Concat(output).Append(page.ToString()))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var dom = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(timeout);
            await process.WaitForExitAsync(deadline.Token);
            return process.ExitCode == 0
                ? await dom
                : throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {await errors}");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
