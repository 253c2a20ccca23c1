namespace ProvisioningBus.Docusign.Api;

/// <summary>Spec <c>accountInformation</c> (subset): the cheap account read used by Test Connection.</summary>
public sealed class AccountInformation
{
    public string? AccountIdGuid { get; set; }
    public string? AccountName { get; set; }
    public string? PlanName { get; set; }
}
