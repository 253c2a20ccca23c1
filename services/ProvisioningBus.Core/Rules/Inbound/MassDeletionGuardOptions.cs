namespace ProvisioningBus.Core.Rules.Inbound;

/// <summary>
/// Stops a snapshot diff that would delete too many PingOne users (a half-empty Docusign page or a wrong account) until
/// an operator approves. A threshold left empty is not checked; the guard trips when either is exceeded.
/// </summary>
public sealed class MassDeletionGuardOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Most deletions one diff may make without approval.</summary>
    public int? MaxDeletions { get; set; } = 100;

    /// <summary>Most deletions one diff may make without approval, as a percentage of the users the rule provisioned.</summary>
    public double? MaxDeletionPercent { get; set; } = 25;
}
