using ProvisioningBus.Docusign;

namespace ProvisioningBus.Operations.Connect;

/// <summary>
/// The few keys a consent needs before the connection is complete (no AccountId or ServiceUri yet: the consent is
/// what finds them). Each missing key is named.
/// </summary>
public sealed record DocusignConsentSettings(string ConnectionName, DocusignConnectionOptions Options, Uri OAuthBase)
{
    public static DocusignConsentSettings Read(IConfiguration configuration, string connectionName, bool jwt)
    {
        var key = $"Docusign:Connections:{connectionName}";
        var section = configuration.GetSection(key);
        if (!section.Exists())
        {
            throw new ConnectionNotConfiguredException($"No connection named '{connectionName}' under Docusign:Connections: set at least {key}:ClientId, {key}:ClientSecret and {key}:OAuthBaseUri.");
        }

        var options = section.Get<DocusignConnectionOptions>() ?? new DocusignConnectionOptions();
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            problems.Add($"{key}:ClientId (the integration key) is required.");
        }

        if (!jwt && string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            problems.Add($"{key}:ClientSecret (the integration key's secret key) is required.");
        }

        var oauthBase = options.ResolveOAuthBaseUri();
        if (oauthBase is null || !oauthBase.IsAbsoluteUri || (oauthBase.Scheme != Uri.UriSchemeHttps && oauthBase.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{key}:OAuthBaseUri is required: https://account-d.docusign.com for a developer account, https://account.docusign.com for production.");
        }

        return problems.Count > 0
            ? throw new InvalidOperationException(string.Join(" ", problems))
            : new DocusignConsentSettings(connectionName, options, oauthBase!);
    }
}
