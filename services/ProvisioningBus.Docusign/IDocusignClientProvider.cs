namespace ProvisioningBus.Docusign;

/// <summary>Clients by connection name (registered with AddDocusignConnection).</summary>
public interface IDocusignClientProvider
{
    IReadOnlyCollection<string> ConnectionNames { get; }

    /// <exception cref="KeyNotFoundException">No connection with that name is registered.</exception>
    IDocusignAccountClient Get(string connectionName);
}
