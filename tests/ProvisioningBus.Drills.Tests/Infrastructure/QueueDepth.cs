namespace ProvisioningBus.Drills.Tests.Infrastructure;

public sealed record QueueDepth(long Ready, long Unacknowledged)
{
    public long Total => Ready + Unacknowledged;
}
