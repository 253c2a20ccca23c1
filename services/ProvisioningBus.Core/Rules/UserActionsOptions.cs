namespace ProvisioningBus.Core.Rules;

/// <summary>The product page's user actions of an outbound rule's target connection.</summary>
public sealed class UserActionsOptions
{
    /// <summary>"Enable users creation": create the user in Docusign when it appears in scope.</summary>
    public bool CreateUsers { get; set; } = true;

    /// <summary>"Enable users updation": push attribute changes.</summary>
    public bool UpdateUsers { get; set; } = true;

    /// <summary>"Enable users disable": only selectable with updates on; Docusign cannot disable users.</summary>
    public bool DisableUsers { get; set; }

    /// <summary>"Enable users deprovision": apply <see cref="RemoveAction"/> on deletion or when leaving scope.</summary>
    public bool DeprovisionUsers { get; set; } = true;

    public RemoveAction RemoveAction { get; set; } = RemoveAction.Delete;

    /// <summary>Deprovision every user the rule provisioned when the rule itself is deleted.</summary>
    public bool DeprovisionOnRuleDeletion { get; set; }
}
