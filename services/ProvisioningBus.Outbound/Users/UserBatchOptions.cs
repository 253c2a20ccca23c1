namespace ProvisioningBus.Outbound.Users;

/// <summary>How user changes are gathered into bulk Docusign calls. Bound from <c>Outbound:Users</c>.</summary>
public sealed class UserBatchOptions
{
    public const string SectionName = "Outbound:Users";

    /// <summary>Docusign's bulk limit: the most users one <c>POST /users</c> takes (fact sheet §1.2).</summary>
    public const int MaxBatchMessageLimit = 500;

    /// <summary>
    /// How long a batch waits for more changes after its first one. A lone change waits this long before it goes out;
    /// a burst fills batches of <see cref="BatchMessageLimit"/> long before it.
    /// </summary>
    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Most changes in one batch (at most 500, one bulk call's worth).</summary>
    public int BatchMessageLimit { get; set; } = MaxBatchMessageLimit;

    /// <summary>Batches applied at once per process; the users' store leases keep two batches off one user.</summary>
    public int BatchConcurrencyLimit { get; set; } = 2;

    /// <summary>PingOne reads in flight at once per batch (each change is re-read: the event only says which user changed).</summary>
    public int PingOneReadConcurrency { get; set; } = 16;

    /// <summary>
    /// How long a listing of the Docusign account stands in for per-user email lookups (see
    /// <see cref="DocusignAccountDirectory"/>). A user created in Docusign by someone else since the listing, with the
    /// same email as a new PingOne user but another user name, can be doubled within this time; the same user name is
    /// always adopted (Docusign answers USER_ALREADY_EXISTS_IN_ACCOUNT).
    /// </summary>
    public TimeSpan DirectoryMaxAge { get; set; } = TimeSpan.FromMinutes(15);
}
