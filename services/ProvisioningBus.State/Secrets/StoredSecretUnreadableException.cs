namespace ProvisioningBus.State.Secrets;

/// <summary>A stored secret was encrypted with a key the configured key ring does not hold (lost, or another ring).</summary>
public sealed class StoredSecretUnreadableException : InvalidOperationException
{
    public StoredSecretUnreadableException()
    {
    }

    public StoredSecretUnreadableException(string message)
        : base(message)
    {
    }

    public StoredSecretUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static StoredSecretUnreadableException ForKeyRing(string keyRingPath, Exception innerException) =>
        new($"A stored secret cannot be decrypted with the key ring at {keyRingPath} (State:KeyRingPath): restore that directory, or point every process at the same one.", innerException);
}
