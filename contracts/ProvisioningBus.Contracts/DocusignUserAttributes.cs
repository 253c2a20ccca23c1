namespace ProvisioningBus.Contracts;

/// <summary>The Docusign user attributes that inbound rules can map, as read from <c>GET /users</c>.</summary>
public sealed record DocusignUserAttributes
{
    /// <summary>Docusign's <c>userName</c> (the person's display name).</summary>
    public required string UserName { get; init; }

    /// <summary>Docusign's <c>email</c>; Docusign identifies users by it.</summary>
    public required string Email { get; init; }

    /// <summary>Docusign's <c>firstName</c>.</summary>
    public string? FirstName { get; init; }

    /// <summary>Docusign's <c>lastName</c>.</summary>
    public string? LastName { get; init; }

    /// <summary>Docusign's <c>jobTitle</c>.</summary>
    public string? JobTitle { get; init; }

    /// <summary>Docusign's <c>userStatus</c> (ActivationRequired, ActivationSent, Active, Closed, Disabled), as Docusign spelled it.</summary>
    public required string UserStatus { get; init; }
}
