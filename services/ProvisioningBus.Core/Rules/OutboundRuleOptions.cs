using ProvisioningBus.Core.Rules.Inbound;

namespace ProvisioningBus.Core.Rules;

/// <summary>An outbound rule: PingOne users (and pushed groups) of one environment provisioned to one Docusign connection.</summary>
public sealed class OutboundRuleOptions
{
    /// <summary>The PingOne environment whose changes this rule applies.</summary>
    public string SourceEnvironmentId { get; set; } = string.Empty;

    /// <summary>The name of the Docusign connection under <c>Docusign:Connections</c>.</summary>
    public string TargetConnection { get; set; } = string.Empty;

    public bool Enabled { get; set; } = true;

    public RuleScopeOptions Scope { get; set; } = new();

    /// <summary>PingOne group ids whose groups and memberships are pushed to Docusign.</summary>
    public List<string> GroupsToPush { get; set; } = [];

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
}
