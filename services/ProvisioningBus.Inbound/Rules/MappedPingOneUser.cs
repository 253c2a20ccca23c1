namespace ProvisioningBus.Inbound.Rules;

/// <summary>The PingOne attributes a rule's mappings produce for one Docusign user.</summary>
public sealed record MappedPingOneUser(
    string Username,
    string Email,
    string? GivenName,
    string? FamilyName,
    string? MiddleName,
    string? FormattedName,
    string? Title);
