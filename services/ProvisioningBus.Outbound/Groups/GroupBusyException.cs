namespace ProvisioningBus.Outbound.Groups;

/// <summary>
/// Another instance holds the group's lease (it is creating, renaming or deleting the same Docusign group).
/// Transient: the retry policy redelivers once that instance is done.
/// </summary>
public sealed class GroupBusyException(string message) : Exception(message);
