namespace ProvisioningBus.State.Groups;

/// <summary>A PingOne group that an outbound rule pushes to Docusign, and the Docusign group it became.</summary>
public sealed record GroupLink(
    string Rule,
    string PingOneGroupId,
    string DocusignGroupId,
    string Name,
    DateTimeOffset UpdatedAt);
