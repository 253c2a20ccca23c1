namespace ProvisioningBus.State.Rules;

public enum RuleDirection
{
    /// <summary>PingOne → Docusign.</summary>
    Outbound,

    /// <summary>Docusign → PingOne.</summary>
    Inbound,
}
