namespace ProvisioningBus.Core.Rules;

/// <summary>
/// One scope condition, as PingOne's rule filter has them: an attribute, the operator <c>equals</c>, a value.
/// Attributes: <c>population.id</c>, <c>memberOfGroups</c> (a group id), or any user attribute path.
/// </summary>
public sealed class ScopeConditionOptions
{
    public string Attribute { get; set; } = string.Empty;

    public string Operator { get; set; } = "equals";

    public string Value { get; set; } = string.Empty;
}
