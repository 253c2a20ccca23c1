namespace ProvisioningBus.Docusign;

/// <summary>userStatus values (fact sheet §1.7), parsed case-insensitively (one source shows "closed").</summary>
public enum DocusignUserStatus
{
    Unknown,
    ActivationRequired,
    ActivationSent,
    Active,
    Closed,
    Disabled,
}
