namespace ProvisioningBus.Core.Rules;

/// <summary>What happens to a target user when its source user is deleted or leaves the rule's scope.</summary>
public enum RemoveAction
{
    /// <summary>Delete the target user; in Docusign this closes it (<c>DELETE /users</c>): users are never erased.</summary>
    Delete,

    /// <summary>Disable the target user. Docusign has no way to do this, so a Docusign target rejects it at start-up.</summary>
    Disable,
}
