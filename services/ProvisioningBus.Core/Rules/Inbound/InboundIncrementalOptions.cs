namespace ProvisioningBus.Core.Rules.Inbound;

/// <summary>
/// The incremental daily poll of an inbound rule (issue 18): with an organisation id, the daily run lists only the
/// users the Docusign Admin API reports modified since the last successful run, and takes a full snapshot on
/// <see cref="FullSnapshotEvery"/> and whenever the chain of runs is broken. Off while <see cref="OrganizationId"/> is empty.
/// </summary>
public sealed class InboundIncrementalOptions
{
    /// <summary>The Docusign organisation (GUID) the source account belongs to; the connection's consent needs the Admin scope <c>user_read</c>.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>How long after the last full snapshot a daily run takes a full one again (it also finds users removed from the account).</summary>
    public TimeSpan FullSnapshotEvery { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How far before the last successful run's start the next one lists from: covers clock skew between us and Docusign.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Read each modified user's full record (<c>GET /users/{id}</c>, one eSignature call a user) instead of taking the
    /// Admin API's listing, which has no job title. Off: a run costs one call per 100 modified users and keeps the job
    /// title the snapshot had (the next full snapshot brings a new one). On: the same attributes as a full poll, one
    /// call per modified user (at 1 % changed, about what a full poll costs).
    /// </summary>
    public bool FetchChangedUsers { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(OrganizationId);
}
