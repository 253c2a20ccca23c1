namespace ProvisioningBus.Docusign;

/// <summary>Per-group outcome of a bulk create, rename or delete.</summary>
public sealed record DocusignGroupResult(string? GroupId, string? GroupName, DocusignGroup? Group, DocusignError? Error)
{
    public bool Succeeded => Error is null;
}
