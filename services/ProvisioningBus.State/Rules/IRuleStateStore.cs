namespace ProvisioningBus.State.Rules;

/// <summary>Remembered rules, to detect deleted and changed rules and to schedule inbound daily syncs.</summary>
public interface IRuleStateStore
{
    Task<RuleState?> GetAsync(string rule, CancellationToken ct);

    /// <summary>Inserts or replaces the whole state of the rule.</summary>
    Task UpsertAsync(RuleState state, CancellationToken ct);

    /// <summary>Every remembered rule, ordered by name (rules are few).</summary>
    Task<IReadOnlyList<RuleState>> ListAsync(CancellationToken ct);

    Task<bool> DeleteAsync(string rule, CancellationToken ct);
}
