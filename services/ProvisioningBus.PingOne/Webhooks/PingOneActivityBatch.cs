namespace ProvisioningBus.PingOne.Webhooks;

/// <summary>The result of parsing one webhook delivery.</summary>
/// <param name="Changes">
/// <see cref="Contracts.PingOneUserChanged"/>, <see cref="Contracts.PingOneGroupChanged"/> and
/// <see cref="Contracts.PingOneMembershipChanged"/> records, in the order PingOne sent them.
/// </param>
/// <param name="Ignored">Well-formed events that carry no directory change for us (other action types, failed results).</param>
/// <param name="Malformed">Events set aside by <see cref="PingOneActivityParser.ParseEachEvent(ReadOnlySpan{byte}, bool)"/>; always empty from the strict parse.</param>
public sealed record PingOneActivityBatch(IReadOnlyList<object> Changes, IReadOnlyList<IgnoredActivity> Ignored, IReadOnlyList<MalformedActivity> Malformed)
{
    /// <summary>Every event of the delivery, whatever became of it.</summary>
    public int EventCount => Changes.Count + Ignored.Count + Malformed.Count;
}
