using ProvisioningBus.Core.Rules.Inbound;

namespace ProvisioningBus.Core.Rules;

/// <summary>An outbound rule: PingOne users (and pushed groups) of one environment provisioned to one Docusign connection.</summary>
public sealed class OutboundRuleOptions
{
    /// <summary>The PingOne environment whose changes this rule applies.</summary>
    public string SourceEnvironmentId { get; set; } = string.Empty;

    /// <summary>What the rule is for, for operators (status and <c>validate</c> show it); at most 1024 characters.</summary>
    public string? Description { get; set; }

    /// <summary>The name of the Docusign connection under <c>Docusign:Connections</c>.</summary>
    public string TargetConnection { get; set; } = string.Empty;

    public bool Enabled { get; set; } = true;

    public RuleScopeOptions Scope { get; set; } = new();

    /// <summary>PingOne group ids whose groups and memberships are pushed to Docusign.</summary>
    public List<string> GroupsToPush { get; set; } = [];

    /// <summary>What happens to the Docusign group of a PingOne group taken out of <see cref="GroupsToPush"/>: deleted (default) or only unlinked.</summary>
    public RemovedGroupAction RemovedGroupAction { get; set; } = RemovedGroupAction.Delete;

    /// <summary>
    /// Pushed PingOne group id → the Docusign permission profile (name or id) its Docusign group gets when created and
    /// keeps: a profile changed in Docusign is set back at the group's next change or resync.
    /// </summary>
    public Dictionary<string, string> GroupPermissionProfiles { get; set; } = new(StringComparer.Ordinal);

    public UserActionsOptions UserActions { get; set; } = new();

    /// <summary>
    /// Holds a resync (a scope change, a manual or a scheduled one) that would close more of the rule's Docusign users
    /// than this until an operator approves (<c>approve-deletions</c>).
    /// </summary>
    public MassDeletionGuardOptions MassDeletionGuard { get; set; } = new();

    /// <summary>
    /// Docusign attribute → PingOne attribute path or expression. Entries replace the defaults of the same target;
    /// the defaults map userName, email, firstName, lastName and jobTitle.
    /// </summary>
    public Dictionary<string, string> Mappings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The ready-made optional mapping <c>userStatus ← #root.enabled ? 'Active' : 'Closed'</c>: a user disabled in
    /// PingOne is closed in Docusign, and reactivated when enabled again. Off by default, as on the product page.
    /// </summary>
    public bool MapEnabledToUserStatus { get; set; }
}
