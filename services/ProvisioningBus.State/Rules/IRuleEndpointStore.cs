namespace ProvisioningBus.State.Rules;

/// <summary>The connection each existing rule is bound to, to reject a configuration that moves a rule elsewhere.</summary>
public interface IRuleEndpointStore
{
    /// <summary>Every remembered endpoint, ordered by rule (rules are few).</summary>
    Task<IReadOnlyList<RuleEndpoint>> ListAsync(CancellationToken ct);

    /// <summary>Remembers the endpoint unless the rule already has one: the first one recorded stays.</summary>
    /// <returns>The endpoint now stored for the rule.</returns>
    Task<RuleEndpoint> RecordIfAbsentAsync(RuleEndpoint endpoint, CancellationToken ct);

    /// <summary>Forgets a deleted rule's endpoint, so that a new rule of the same name may use another connection.</summary>
    Task<bool> DeleteAsync(string rule, CancellationToken ct);
}
