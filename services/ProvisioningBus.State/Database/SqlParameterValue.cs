namespace ProvisioningBus.State.Database;

/// <summary>A named parameter for shared SQL; the name is written without prefix and bound as <c>@name</c>.</summary>
internal readonly record struct SqlParameterValue(string Name, object? Value);
