using PingOne.Emulator;
using PingOne.Emulator.Activities;

namespace ProvisioningBus.Benchmarks.Measurement;

/// <summary>The audit events PingOne recorded since a mark: what a subscription would deliver next.</summary>
public sealed class ActivityCursor(PingOneEmulator pingOne, bool fromStart = false)
{
    private long mark = fromStart ? 0 : pingOne.Activities.LastSequence;

    /// <summary>Events of <paramref name="actionType"/> recorded since the last call (or creation), in order.</summary>
    public IReadOnlyList<RecordedActivity> Next(string actionType)
    {
        var from = mark;
        var all = pingOne.Activities.Snapshot();
        mark = all.Count == 0 ? mark : all[^1].Sequence;
        return [.. all.Where(activity => activity.Sequence > from && string.Equals(activity.ActionType, actionType, StringComparison.Ordinal))];
    }
}
