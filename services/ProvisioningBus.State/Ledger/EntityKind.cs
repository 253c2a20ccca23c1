namespace ProvisioningBus.State.Ledger;

/// <summary>The kinds of entity the sync summary counts separately.</summary>
public enum EntityKind
{
    User,
    Group,
}
