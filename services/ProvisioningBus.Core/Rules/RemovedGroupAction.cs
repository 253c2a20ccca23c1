namespace ProvisioningBus.Core.Rules;

/// <summary>What happens to a Docusign group the rule created (or adopted) once its PingOne group leaves Groups to push.</summary>
public enum RemovedGroupAction
{
    /// <summary>The Docusign group is deleted, as when the PingOne group is deleted.</summary>
    Delete,

    /// <summary>The Docusign group and its members are left as they are; the rule only forgets it.</summary>
    Unlink,
}
