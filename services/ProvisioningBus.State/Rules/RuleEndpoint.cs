namespace ProvisioningBus.State.Rules;

/// <summary>
/// The Docusign connection a rule was created against: the target of an outbound rule, the source of an inbound one.
/// Remembered apart from <see cref="RuleState"/> because it must never change while the rule exists (mission §4).
/// </summary>
/// <param name="Connection">The connection's name under <c>Docusign:Connections</c>.</param>
/// <param name="RecordedAt">When the rule was first seen with it.</param>
public sealed record RuleEndpoint(string Rule, RuleDirection Direction, string Connection, DateTimeOffset RecordedAt);
