namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// The operation a mapped Docusign <c>userStatus</c> asks for (mission §4). Docusign documents no way to set userStatus
/// with a PUT, so each value becomes the operation that reaches it, or a failure when none does.
/// </summary>
public enum DesiredUserStatus
{
    /// <summary>No userStatus mapping (or an empty value): leave the status alone.</summary>
    Unspecified,

    /// <summary><c>Active</c>: the user should be usable; a closed user is reactivated by re-POSTing it.</summary>
    Active,

    /// <summary><c>Closed</c>: close the user (<c>DELETE /users</c>).</summary>
    Closed,

    /// <summary>Any other value (<c>Disabled</c>, <c>ActivationSent</c>…): no Docusign operation reaches it.</summary>
    NotSupported,
}
