namespace ProvisioningBus.Docusign;

/// <summary>groupType: adminGroup, everyoneGroup, customGroup — compared case-insensitively (fact sheet §2.6).</summary>
public enum DocusignGroupType
{
    Unknown,
    Custom,
    Administrators,
    Everyone,
}
