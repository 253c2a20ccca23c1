namespace ProvisioningBus.Gateway.Status;

/// <summary>Samples the Docusign budget in the background, so the chart has a history when the page is first opened.</summary>
public sealed class DocusignBudgetSampler(DocusignBudgetHistory history, ILogger<DocusignBudgetSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await history.SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store is the status page's too: while it is down the chart has a gap, the gateway goes on.
                logger.LogDebug("Docusign budget not sampled: {Error}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
