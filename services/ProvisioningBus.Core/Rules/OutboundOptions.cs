using ProvisioningBus.Core.Rules.Inbound;

namespace ProvisioningBus.Core.Rules;

/// <summary>Every outbound rule by name. Bound from the <c>Outbound</c> configuration section.</summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Outbound";

    public Dictionary<string, OutboundRuleOptions> Rules { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Holds the deprovisioning of a deleted rule (its own settings are gone with it) that would close more Docusign
    /// users than <see cref="MassDeletionGuardOptions.MaxDeletions"/> until an operator approves. Only the count
    /// applies: a deleted rule closes all its users, always 100 %.
    /// </summary>
    public MassDeletionGuardOptions DeletedRuleGuard { get; set; } = new();
}
