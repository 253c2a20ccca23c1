using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.Core.DeadLetters;

/// <summary>
/// Whom a change is about, read from the message itself: the entity its ledger row belongs to, the rules it was for,
/// and every id it names (a membership names a user and a group), so an operator can find it by either.
/// </summary>
/// <param name="MessageType">The contract's name, e.g. <c>PingOneUserChanged</c>.</param>
/// <param name="Kind">The ledger's entity kind: a membership change is its group's, except on the user queue.</param>
/// <param name="EntityId">The PingOne user or group id (outbound) or the Docusign user id (inbound).</param>
/// <param name="DisplayName">The name the message carries (username, group name, email), else the id.</param>
public sealed record ChangeSubject(
    string MessageType,
    EntityKind Kind,
    string EntityId,
    string DisplayName,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> Ids)
{
    /// <summary>What the change was, as the provisioning log names actions (create, update, delete, add, remove); null when the message does not say.</summary>
    public string? Action { get; init; }

    /// <summary>PingOne's event id (outbound), or the message id of the snapshot's difference (inbound), as the log names the triggering event.</summary>
    public string? EventId { get; init; }

    /// <summary>A Docusign difference for an inbound rule, rather than a PingOne change for outbound ones.</summary>
    public bool Inbound { get; init; }

    /// <summary>Whether the change was for <paramref name="rule"/> and names <paramref name="entityId"/>; a null criterion matches anything.</summary>
    public bool Matches(string? rule, string? entityId) =>
        (rule is null || Rules.Contains(rule, StringComparer.Ordinal))
        && (entityId is null || Ids.Contains(entityId, StringComparer.Ordinal));
}
