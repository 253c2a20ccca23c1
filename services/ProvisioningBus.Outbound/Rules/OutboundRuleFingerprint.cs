using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ProvisioningBus.Core.Rules;

namespace ProvisioningBus.Outbound.Rules;

/// <summary>
/// What the store remembers of an outbound rule in <c>RuleState.ConfigHash</c>: a hash of everything whose change calls
/// for a full resync (as PingOne resyncs on them: scope, mappings, the connection's authentication, and the connection
/// being enabled), plus the two facts a deleted rule still needs once its configuration is gone: its target connection
/// and whether it deprovisions on deletion. RuleState has no columns for those, so they travel in this one text.
/// </summary>
public sealed record OutboundRuleFingerprint(string Hash, string TargetConnection, bool DeprovisionOnRuleDeletion, bool Active)
{
    private const string Prefix = "outbound-v1";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The fingerprint of a configured rule under the current configuration.</summary>
    public static OutboundRuleFingerprint Of(CompiledOutboundRule rule, IConfiguration configuration, bool connectionEnabled)
    {
        var options = rule.Options;
        var connection = configuration.GetSection($"Docusign:Connections:{options.TargetConnection}");
        var material = new StringBuilder()
            .Append(options.SourceEnvironmentId).Append('\n')
            .Append(options.TargetConnection).Append('\n')
            .Append(JsonSerializer.Serialize(options.Scope, Json)).Append('\n')
            .Append(JsonSerializer.Serialize(new SortedDictionary<string, string>(options.Mappings, StringComparer.Ordinal), Json)).Append('\n');
        if (options.MapEnabledToUserStatus)
        {
            // Only when on, so the fingerprints stored before the setting existed stay equal.
            material.Append("mapEnabledToUserStatus\n");
        }

        // The authentication of the connection. The secret and refresh token only enter a one-way SHA-256 of the whole.
        foreach (var key in new[] { "ServiceUri", "AccountId", "ClientId", "ClientSecret", "TokenEndpoint", "GrantType", "RefreshToken" })
        {
            material.Append(key).Append('=').Append(connection[key]).Append('\n');
        }

        // The JWT grant's keys only when set, so the fingerprints stored before they existed stay equal.
        foreach (var key in new[] { "OAuthBaseUri", "ImpersonatedUserId", "PrivateKeyFile" })
        {
            if (connection[key] is { Length: > 0 } value)
            {
                material.Append(key).Append('=').Append(value).Append('\n');
            }
        }

        var active = options.Enabled && connectionEnabled;
        material.Append("active=").Append(active ? '1' : '0');
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(material.ToString())));
        return new OutboundRuleFingerprint(hash, options.TargetConnection, options.UserActions.DeprovisionOnRuleDeletion, active);
    }

    /// <summary>Reads a stored fingerprint; null when the text was not written by this class.</summary>
    public static OutboundRuleFingerprint? Parse(string text)
    {
        var parts = text.Split(';');
        if (parts.Length != 5 || parts[0] != Prefix)
        {
            return null;
        }

        return new OutboundRuleFingerprint(
            parts[1],
            Uri.UnescapeDataString(parts[2]),
            parts[3] == "1",
            parts[4] == "1");
    }

    public string Format() =>
        string.Join(';', Prefix, Hash, Uri.EscapeDataString(TargetConnection), DeprovisionOnRuleDeletion ? "1" : "0", Active ? "1" : "0");

    /// <summary>True when going from <paramref name="stored"/> to this one calls for a full resync.</summary>
    public bool RequiresResyncSince(OutboundRuleFingerprint? stored) =>
        Active && (stored is null || !string.Equals(stored.Hash, Hash, StringComparison.Ordinal));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Hash[..12]} target={TargetConnection} active={Active}");
}
