namespace ProvisioningBus.PingOne.Webhooks;

/// <summary>Where an event sits in a delivery, for error messages.</summary>
internal readonly record struct EventLocation(int Index, string Path, long BytePosition);
