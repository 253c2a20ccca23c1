namespace ProvisioningBus.Docusign.Admin;

/// <summary>Admin API clients by connection name (registered with AddDocusignConnection beside the eSignature client).</summary>
public interface IDocusignAdminClientProvider
{
    /// <exception cref="KeyNotFoundException">No connection with that name is registered.</exception>
    IDocusignAdminClient Get(string connectionName);
}
