namespace ProvisioningBus.PingOne.Users;

/// <summary>PingOne's <c>name</c> object.</summary>
public sealed record PingOneUserName
{
    public string? Given { get; init; }

    public string? Middle { get; init; }

    public string? Family { get; init; }

    public string? Formatted { get; init; }
}
