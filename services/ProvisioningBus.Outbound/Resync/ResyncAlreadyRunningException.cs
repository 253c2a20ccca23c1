namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// Another instance (or an earlier request) is resyncing the rule. A requested resync is retried rather than dropped:
/// the running one may have read the directories before the change the request is meant to repair.
/// </summary>
public sealed class ResyncAlreadyRunningException(string rule)
    : Exception($"A full resync of rule '{rule}' is already running; this one will run after it.");
