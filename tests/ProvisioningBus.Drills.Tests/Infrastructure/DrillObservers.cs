using Microsoft.Extensions.Logging;

namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>What every service of one drill reports into: its log lines and the tokens it used.</summary>
public sealed class DrillObservers
{
    public CapturedLogs Logs { get; } = new();

    public CredentialRecorder Credentials { get; } = new();

    /// <summary>Information keeps the volume down; the secrets drill lowers it to see everything.</summary>
    public LogLevel MinimumLevel { get; init; } = LogLevel.Information;

    /// <summary>The warnings and errors so far, for a failure message.</summary>
    public string Problems(int last = 30) =>
        string.Join('\n', Logs.Lines.Where(line => line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal)).TakeLast(last));
}
