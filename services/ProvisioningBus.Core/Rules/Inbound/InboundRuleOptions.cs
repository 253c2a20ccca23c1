namespace ProvisioningBus.Core.Rules.Inbound;

/// <summary>An inbound rule: the users of one Docusign account provisioned into one PingOne population.</summary>
public sealed class InboundRuleOptions
{
    /// <summary>The name of the Docusign connection under <c>Docusign:Connections</c> whose users are read.</summary>
    public string SourceConnection { get; set; } = string.Empty;

    /// <summary>What the rule is for, for operators (status and <c>validate</c> show it); at most 1024 characters.</summary>
    public string? Description { get; set; }

    /// <summary>The PingOne environment written to; it must be the one the PingOne client is configured for (<c>PingOne:EnvironmentId</c>).</summary>
    public string TargetEnvironmentId { get; set; } = string.Empty;

    /// <summary>The population new users are created in; empty means the environment's default population.</summary>
    public string? TargetPopulationId { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// PingOne attribute → Docusign attribute or expression. Entries replace the defaults of the same target; the defaults
    /// map <c>username</c> ← userName, <c>email</c> ← email, <c>name.given</c> ← firstName, <c>name.family</c> ← lastName,
    /// <c>title</c> ← jobTitle.
    /// </summary>
    public Dictionary<string, string> Mappings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The product page's "Sync Only Active Users": only Docusign users whose status is <c>Active</c> are provisioned, and
    /// users this rule provisioned that are no longer Active are deleted from PingOne. Turning it on resyncs at once.
    /// </summary>
    public bool SyncOnlyActiveUsers { get; set; }

    /// <summary>
    /// What happens in PingOne to a user this rule provisioned when its Docusign user is closed, disappears or leaves the
    /// filter: <see cref="RemoveAction.Delete"/> (the default) deletes it, <see cref="RemoveAction.Disable"/> suspends it
    /// (<c>enabled=false</c>) and keeps the link, so the user is enabled again when it is provisioned again (reactivated
    /// in Docusign). Both are held alike by the mass-deletion guard.
    /// </summary>
    public RemoveAction RemoveAction { get; set; } = RemoveAction.Delete;

    /// <summary>
    /// When the rule is removed from configuration, the next start deletes the PingOne users it provisioned (or disables
    /// them, with <see cref="RemoveAction"/> <c>Disable</c>) behind <c>Inbound:DeletedRuleGuard</c>. Off: only the rule's
    /// stored state is forgotten and its PingOne users stay.
    /// </summary>
    public bool DeprovisionOnRuleDeletion { get; set; }

    /// <summary>Which Docusign users the rule takes at all; no conditions means every user of the account.</summary>
    public InboundUserFilterOptions UserFilter { get; set; } = new();

    public MassDeletionGuardOptions MassDeletionGuard { get; set; } = new();

    /// <summary>The incremental daily poll; off unless <c>Incremental:OrganizationId</c> is set.</summary>
    public InboundIncrementalOptions Incremental { get; set; } = new();
}
