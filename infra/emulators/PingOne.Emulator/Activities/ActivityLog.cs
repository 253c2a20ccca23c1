using PingOne.Emulator.Hosting;

namespace PingOne.Emulator.Activities;

/// <summary>The environment's audit trail, append-only; subscriptions read it from their own cursor.</summary>
public sealed class ActivityLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedActivity> _events = [];

    internal ChangeSignal Appended { get; } = new();

    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    public IReadOnlyList<RecordedActivity> Snapshot()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    internal RecordedActivity Append(string actionType, System.Text.Json.Nodes.JsonObject activity)
    {
        RecordedActivity recorded;
        lock (_gate)
        {
            recorded = new RecordedActivity(
                _events.Count + 1,
                (string)activity["id"]!,
                actionType,
                (string?)activity["resources"]?[0]?["population"]?["id"],
                (string)activity["actors"]!["client"]!["id"]!,
                activity.ToJsonString());
            _events.Add(recorded);
        }

        Appended.Pulse();
        return recorded;
    }

    /// <summary>
    /// Up to <paramref name="max"/> events after <paramref name="afterSequence"/> that match, and the sequence
    /// scanned through (so non-matching events are skipped for good).
    /// </summary>
    internal (IReadOnlyList<RecordedActivity> Matching, long ScannedThrough) Read(long afterSequence, int max, Func<RecordedActivity, bool> matches)
    {
        lock (_gate)
        {
            var matching = new List<RecordedActivity>();
            var scanned = afterSequence;
            for (var i = (int)afterSequence; i < _events.Count && matching.Count < max; i++)
            {
                if (matches(_events[i]))
                {
                    matching.Add(_events[i]);
                }

                scanned = _events[i].Sequence;
            }

            return (matching, scanned);
        }
    }
}
