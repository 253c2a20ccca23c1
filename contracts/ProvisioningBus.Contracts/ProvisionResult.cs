namespace ProvisioningBus.Contracts;

/// <summary>How a provision on demand ended; decides the CLI's exit code and the API's status.</summary>
public enum ProvisionResult
{
    /// <summary>Docusign now holds what the rule wants (written now, or already).</summary>
    Synced,

    /// <summary>A dry run: the decision was made and shown, nothing was written.</summary>
    Planned,

    /// <summary>Nothing written because the rule does not take the user or forbids the write.</summary>
    Skipped,

    /// <summary>The target refused the write, or the rule cannot express the user.</summary>
    Failed,

    /// <summary>PingOne has no such user, or the rule is not configured on the worker.</summary>
    NotFound,
}
