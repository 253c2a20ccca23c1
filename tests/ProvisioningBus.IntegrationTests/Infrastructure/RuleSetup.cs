namespace ProvisioningBus.IntegrationTests.Infrastructure;

/// <summary>One outbound rule of an <see cref="OutboundTestbed"/>: its Docusign connection and settings under <c>Outbound:Rules:{name}</c>.</summary>
public sealed record RuleSetup(string Connection, IReadOnlyDictionary<string, string?> Settings)
{
    public RuleSetup(string connection)
        : this(connection, new Dictionary<string, string?>())
    {
    }
}
