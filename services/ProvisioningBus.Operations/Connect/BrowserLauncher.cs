using System.ComponentModel;
using System.Diagnostics;

namespace ProvisioningBus.Operations.Connect;

/// <summary>Opens a URL in the desktop's browser when there is a desktop; on a headless server it does nothing and says so.</summary>
public static class BrowserLauncher
{
    public static bool TryOpen(Uri url)
    {
        ProcessStartInfo? start = null;
        if (OperatingSystem.IsWindows())
        {
            start = new ProcessStartInfo(url.ToString()) { UseShellExecute = true };
        }
        else if (OperatingSystem.IsMacOS())
        {
            start = new ProcessStartInfo("open", [url.ToString()]);
        }
        else if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
        {
            // Without a display xdg-open would fall back to a text browser inside our own terminal.
            start = new ProcessStartInfo("xdg-open", [url.ToString()]);
        }

        if (start is null)
        {
            return false;
        }

        try
        {
            using var process = Process.Start(start);
            return process is not null;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
