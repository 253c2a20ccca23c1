using System.Text;

namespace ProvisioningBus.PingOne.Connection;

/// <summary>How to reach one PingOne environment as a worker application (fact sheet §2.1).</summary>
public sealed record PingOneConnectionOptions
{
    /// <summary>Management API base including <c>/v1</c>, e.g. <c>https://api.pingone.com/v1</c> (tld com, ca, eu, asia, com.au, sg).</summary>
    public Uri ApiBaseUri { get; init; } = new("https://api.pingone.com/v1");

    /// <summary>Auth base, e.g. <c>https://auth.pingone.com</c>; tokens come from <c>{AuthBaseUri}/{EnvironmentId}/as/token</c>.</summary>
    public Uri AuthBaseUri { get; init; } = new("https://auth.pingone.com");

    public string EnvironmentId { get; init; } = string.Empty;

    public string ClientId { get; init; } = string.Empty;

    /// <summary>The worker app's secret; left out of <see cref="ToString"/> so logging the options cannot leak it.</summary>
    public string ClientSecret { get; init; } = string.Empty;

    public Uri TokenEndpoint => new($"{AuthBaseUri.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(EnvironmentId)}/as/token");

    /// <summary>Throws when a required value is missing; the message never contains the secret.</summary>
    public void Validate()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(EnvironmentId))
        {
            missing.Add(nameof(EnvironmentId));
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            missing.Add(nameof(ClientId));
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            missing.Add(nameof(ClientSecret));
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"PingOne connection options are missing: {string.Join(", ", missing)}");
        }
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"ApiBaseUri = {ApiBaseUri}, AuthBaseUri = {AuthBaseUri}, EnvironmentId = {EnvironmentId}, ClientId = {ClientId}, ClientSecret = ***");
        return true;
    }
}
