namespace ProvisioningBus.Outbound.OnDemand;

/// <summary>How a provision on demand ended, which decides the CLI's exit code and the API's status.</summary>
public enum OnDemandResult
{
    /// <summary>Docusign now holds what the rule wants (written now, or already).</summary>
    Synced,

    /// <summary>A dry run: the decision was made and shown, nothing was written.</summary>
    Planned,

    /// <summary>Nothing written because the rule does not take the user or forbids the write.</summary>
    Skipped,

    Failed,

    /// <summary>PingOne has no such user.</summary>
    NotFound,
}
