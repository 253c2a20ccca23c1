namespace ProvisioningBus.Core.Rules.Inbound;

/// <summary>
/// The inbound user filter (the product page has none; mission §5 adds it): conditions in the outbound scope's form
/// (attribute, <c>equals</c>, value) over the Docusign attributes <c>userName</c>, <c>email</c>, <c>firstName</c>,
/// <c>lastName</c>, <c>jobTitle</c>, <c>userId</c> and <c>userStatus</c>. Values compare ignoring case, as Docusign's own
/// spelling of statuses varies ("closed").
/// </summary>
public sealed class InboundUserFilterOptions
{
    public ScopeMatch Match { get; set; } = ScopeMatch.All;

    public List<ScopeConditionOptions> Conditions { get; set; } = [];
}
