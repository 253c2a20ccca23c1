namespace ProvisioningBus.Benchmarks.Deployment;

/// <summary>What every host under test gets beyond its own configuration.</summary>
internal static class HostDefaults
{
    /// <summary>
    /// Console logging at Information (each created user is one line) would cost CPU on the two shared cores and bury
    /// the table, so warnings and errors go to the tally instead and nothing else is written.
    /// </summary>
    public static void RouteLogsTo(WebApplicationBuilder builder, LogTally tally)
    {
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(tally);
    }
}
