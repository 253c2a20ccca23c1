namespace ProvisioningBus.State.Inbound;

/// <summary>A PingOne user that an inbound rule provisioned from a Docusign user. Only such users are ever updated or deleted by the rule.</summary>
public sealed record InboundLink(string Rule, string DocusignUserId, string PingOneUserId, DateTimeOffset ProvisionedAt);
