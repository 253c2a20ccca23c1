using ProvisioningBus.Core.Rules.Inbound;

namespace ProvisioningBus.Core.Status;

/// <summary>A rule as configuration declares it, reduced to what its status depends on.</summary>
/// <param name="Inbound">The inbound rule's options (its schedule depends on them); null for an outbound rule.</param>
internal sealed record ConfiguredRule(string Name, string Direction, string Connection, bool Enabled, InboundRuleOptions? Inbound, string? Description = null);
