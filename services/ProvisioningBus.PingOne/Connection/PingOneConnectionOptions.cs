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
    /// <exception cref="InvalidOperationException">Every problem of <see cref="Problems"/>, in one message.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }
    }

    /// <summary>Every problem of these settings, each naming its key under <c>PingOne</c>; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[] { (nameof(EnvironmentId), EnvironmentId), (nameof(ClientId), ClientId), (nameof(ClientSecret), ClientSecret) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"PingOne:{name} is required.");
            }
        }

        foreach (var (name, value) in new[] { (nameof(ApiBaseUri), ApiBaseUri), (nameof(AuthBaseUri), AuthBaseUri) })
        {
            if (value is not null && (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp)))
            {
                problems.Add($"PingOne:{name} must be an absolute https:// (or, for a local emulator, http://) URI (was '{value.OriginalString}').");
            }
        }

        return problems;
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"ApiBaseUri = {ApiBaseUri}, AuthBaseUri = {AuthBaseUri}, EnvironmentId = {EnvironmentId}, ClientId = {ClientId}, ClientSecret = ***");
        return true;
    }
}
