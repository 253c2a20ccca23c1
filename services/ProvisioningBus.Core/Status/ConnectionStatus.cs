namespace ProvisioningBus.Core.Status;

/// <summary>A configured Docusign connection as operators see it. Secrets are never part of it.</summary>
public sealed record ConnectionStatus(string Name, bool Enabled, string? ServiceUri, string? AccountId)
{
    /// <summary>The connection's <c>Description</c> setting.</summary>
    public string? Description { get; init; }

    /// <summary>"Quarantined: &lt;reason&gt;, next attempt at …" while repeated refusals pause the connection; null otherwise.</summary>
    public string? Quarantine { get; init; }
}
