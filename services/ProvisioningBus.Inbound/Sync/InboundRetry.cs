using MassTransit;

namespace ProvisioningBus.Inbound.Sync;

public static class InboundRetry
{
    /// <summary>
    /// A sync command that finds the rule's lease taken waits for the running sync (a 100k-user run lists 1,000 pages);
    /// other faults get a few quick retries and then the <c>_error</c> queue.
    /// </summary>
    public static void ForSyncCommands(IRetryConfigurator retry)
    {
        retry.Handle<InboundSyncBusyException>();
        retry.Intervals(
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30),
            TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));
    }
}
