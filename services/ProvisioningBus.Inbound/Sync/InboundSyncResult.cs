using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>What asking for one run of an inbound rule did; <see cref="Run"/> is set when a run was recorded.</summary>
public sealed record InboundSyncResult(InboundSyncOutcome Outcome, SyncRun? Run)
{
    public static InboundSyncResult Busy { get; } = new(InboundSyncOutcome.Busy, null);

    public static InboundSyncResult UnknownRule { get; } = new(InboundSyncOutcome.UnknownRule, null);

    public static InboundSyncResult Disabled { get; } = new(InboundSyncOutcome.Disabled, null);
}
