namespace ProvisioningBus.Core.Roles;

/// <summary><c>Worker:Roles</c> names something that is not a role: a configuration error, reported as one line at start-up.</summary>
public sealed class InvalidWorkerRolesException(string message) : Exception(message);
