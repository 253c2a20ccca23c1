namespace ProvisioningBus.Operations;

/// <summary>What the CLI's exit code means, so scripts can branch on it.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The configuration is invalid, or the command was used wrongly.</summary>
    public const int InvalidConfiguration = 1;

    /// <summary>A remote system refused or failed (Test Connection failed, broker unreachable).</summary>
    public const int RemoteFailure = 2;

    /// <summary>The named rule, connection or queue does not exist.</summary>
    public const int NotFound = 3;

    /// <summary>Nothing to do: e.g. no deletions are waiting for approval.</summary>
    public const int NothingToDo = 4;
}
