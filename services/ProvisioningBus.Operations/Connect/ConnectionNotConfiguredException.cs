namespace ProvisioningBus.Operations.Connect;

/// <summary>The named connection has no section at all (exit code NotFound, not a settings error).</summary>
public sealed class ConnectionNotConfiguredException : InvalidOperationException
{
    public ConnectionNotConfiguredException()
    {
    }

    public ConnectionNotConfiguredException(string message)
        : base(message)
    {
    }

    public ConnectionNotConfiguredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
