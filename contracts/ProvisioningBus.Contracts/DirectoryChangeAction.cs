namespace ProvisioningBus.Contracts;

/// <summary>What happened to a directory entity (user or group) in its source system.</summary>
public enum DirectoryChangeAction
{
    /// <summary>The entity was created.</summary>
    Created,

    /// <summary>One or more attributes changed (for PingOne users this includes the enabled flag).</summary>
    Updated,

    /// <summary>The entity was deleted; it can no longer be read from the source.</summary>
    Deleted,
}
