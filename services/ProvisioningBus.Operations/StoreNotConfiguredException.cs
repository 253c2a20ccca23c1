namespace ProvisioningBus.Operations;

/// <summary>The CLI was asked to read the store but no store is configured: it never creates one by itself.</summary>
public sealed class StoreNotConfiguredException : InvalidOperationException
{
    public StoreNotConfiguredException()
        : base("No state store is configured: set State:ConnectionString (looked in ./appsettings.json, --config files and the State__ConnectionString environment variable). The CLI does not create a database.")
    {
    }

    public StoreNotConfiguredException(string message)
        : base(message)
    {
    }

    public StoreNotConfiguredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
