namespace ProvisioningBus.Inbound.Sync;

/// <summary>
/// What a full sync of one inbound rule would do to PingOne, read from Docusign, the stored snapshot, the rule's links
/// and PingOne, and written nowhere.
/// </summary>
/// <param name="Users">Every Docusign user whose difference would be applied, with its PingOne action.</param>
/// <param name="Appeared">Docusign users not in the stored snapshot.</param>
/// <param name="Changed">Docusign users whose attributes differ from the stored snapshot.</param>
/// <param name="Disappeared">Snapshot users Docusign no longer lists (or the filter now excludes).</param>
/// <param name="FilteredOut">Docusign users the rule's user filter excludes.</param>
public sealed record InboundSyncPlan(
    string RuleName,
    bool Enabled,
    IReadOnlyList<PlannedPingOneUser> Users,
    long Appeared,
    long Changed,
    long Disappeared,
    long FilteredOut,
    MassDeletionVerdict Guard)
{
    public IEnumerable<PlannedPingOneUser> Creates => Users.Where(user => user.Action == PlannedPingOneAction.Create);

    public IEnumerable<PlannedPingOneUser> Updates => Users.Where(user => user.Action is PlannedPingOneAction.Update or PlannedPingOneAction.Adopt);

    /// <summary>The removals: deletes, or suspensions under the Remove Action <c>Disable</c>.</summary>
    public IEnumerable<PlannedPingOneUser> Deletes => Users.Where(user => user.Action is PlannedPingOneAction.Delete or PlannedPingOneAction.Disable);
}
