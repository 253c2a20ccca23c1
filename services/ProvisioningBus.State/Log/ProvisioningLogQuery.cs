namespace ProvisioningBus.State.Log;

/// <summary>A filter over the log, newest first. Every filter is optional.</summary>
/// <param name="Entity">An entity id or display name, matched exactly.</param>
/// <param name="Since">Inclusive.</param>
/// <param name="Until">Exclusive.</param>
public sealed record ProvisioningLogQuery(
    string? Rule = null,
    string? Entity = null,
    string? Outcome = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    int Offset = 0,
    int Limit = ProvisioningLogQuery.DefaultLimit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
