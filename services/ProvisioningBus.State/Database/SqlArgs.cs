namespace ProvisioningBus.State.Database;

/// <summary>Short constructor for parameters, so statements read like the SQL they bind.</summary>
internal static class SqlArgs
{
    public static SqlParameterValue P(string name, object? value) => new(name, value);
}
