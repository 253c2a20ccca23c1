namespace ProvisioningBus.Core.Rules;

/// <summary>Every outbound rule by name. Bound from the <c>Outbound</c> configuration section.</summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Outbound";

    public Dictionary<string, OutboundRuleOptions> Rules { get; set; } = new(StringComparer.Ordinal);
}
