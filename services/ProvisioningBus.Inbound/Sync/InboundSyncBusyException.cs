namespace ProvisioningBus.Inbound.Sync;

/// <summary>A requested run found the rule's lease taken; the command is retried after the running sync.</summary>
public sealed class InboundSyncBusyException(string rule)
    : Exception($"Inbound rule '{rule}' is being synced by another run; the request is retried.");
