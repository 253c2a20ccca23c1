namespace ProvisioningBus.Inbound.Users;

/// <summary>What applying one Docusign user difference to PingOne did.</summary>
public enum InboundUserOutcome
{
    Created,

    /// <summary>A PingOne user carrying this Docusign userId as externalId was found and linked (a create whose link was lost).</summary>
    Adopted,

    Updated,
    Unchanged,
    Deleted,

    /// <summary>Suspended in PingOne under the Remove Action <c>Disable</c>.</summary>
    Disabled,

    /// <summary>A PingOne user with the same username or email exists that this rule did not provision; it is left alone.</summary>
    ExistingUserNotOwned,

    /// <summary>The user is not provisioned (not Active under Sync Only Active Users), and the rule never provisioned it.</summary>
    NotProvisioned,

    /// <summary>The mappings or PingOne rejected the user; see the sync ledger.</summary>
    Failed,

    /// <summary>The rule is unknown here or disabled.</summary>
    Skipped,
}
