namespace ProvisioningBus.Core.Rules;

/// <summary>How a rule's scope conditions combine.</summary>
public enum ScopeMatch
{
    /// <summary>Every condition must hold.</summary>
    All,

    /// <summary>At least one condition must hold.</summary>
    Any,
}
