namespace ProvisioningBus.Docusign;

/// <summary>Names of the registered connections (filled by AddDocusignConnection through the options system).</summary>
internal sealed class DocusignConnectionRegistry
{
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
}
