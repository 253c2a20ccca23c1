namespace ProvisioningBus.Docusign;

/// <summary>
/// One Docusign connection: an account, the integration (client id/secret) and its refresh-token chain.
/// Bindable from configuration (e.g. <c>Docusign:Connections:{name}</c>).
/// </summary>
public sealed class DocusignConnectionOptions
{
    /// <summary>Connection name; set from the registration name when empty.</summary>
    public string? Name { get; set; }

    /// <summary>The account's base_uri from /oauth/userinfo, e.g. https://demo.docusign.net (without /restapi).</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>Account GUID (or external account number).</summary>
    public string? AccountId { get; set; }

    /// <summary>Integration key.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>e.g. https://account-d.docusign.com/oauth/token (demo) or https://account.docusign.com/oauth/token.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>Defaults to <c>{TokenEndpoint}/../userinfo</c>.</summary>
    public Uri? UserInfoEndpoint { get; set; }

    public string GrantType { get; set; } = "refresh_token";

    /// <summary>
    /// The first refresh token of the chain (from the consent). Used only while the refresh-token store holds none;
    /// afterwards the store's rotated token wins.
    /// </summary>
    public string? RefreshToken { get; set; }

    /// <summary>Refresh this long before expires_in runs out.</summary>
    public TimeSpan AccessTokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Users per list page (Docusign allows 1–100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Users per POST /users (Docusign allows at most 500).</summary>
    public int CreateBatchSize { get; set; } = 500;

    /// <summary>Retries of transient faults (5xx, 408, timeouts, connection failures).</summary>
    public int TransientRetryCount { get; set; } = 3;

    /// <summary>First backoff delay of transient retries (exponential, with jitter).</summary>
    public TimeSpan TransientRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times one request waits for a rate-limit window and retries.</summary>
    public int RateLimitRetryCount { get; set; } = 3;

    /// <summary>Longest wait for a rate-limit window; a longer one fails the call instead (hourly windows are at most 1 h).</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(61);

    /// <summary>Docusign's burst window (30 s, fact sheet §6).</summary>
    public TimeSpan BurstWindow { get; set; } = TimeSpan.FromSeconds(30);

    internal void Validate(string connectionName)
    {
        var missing = new List<string>();
        if (ServiceUri is null) { missing.Add(nameof(ServiceUri)); }
        if (string.IsNullOrWhiteSpace(AccountId)) { missing.Add(nameof(AccountId)); }
        if (string.IsNullOrWhiteSpace(ClientId)) { missing.Add(nameof(ClientId)); }
        if (string.IsNullOrWhiteSpace(ClientSecret)) { missing.Add(nameof(ClientSecret)); }
        if (TokenEndpoint is null) { missing.Add(nameof(TokenEndpoint)); }
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Docusign connection '{connectionName}' is missing {string.Join(", ", missing)}.");
        }

        if (PageSize is < 1 or > 100)
        {
            throw new InvalidOperationException($"Docusign connection '{connectionName}': PageSize must be 1–100.");
        }

        if (CreateBatchSize is < 1 or > 500)
        {
            throw new InvalidOperationException($"Docusign connection '{connectionName}': CreateBatchSize must be 1–500.");
        }
    }

    internal Uri ResolveUserInfoEndpoint() => UserInfoEndpoint ?? new Uri(TokenEndpoint!, "userinfo");
}
