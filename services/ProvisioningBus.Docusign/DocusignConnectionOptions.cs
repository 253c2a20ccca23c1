namespace ProvisioningBus.Docusign;

/// <summary>
/// One Docusign connection: an account, the integration (client id/secret) and its refresh-token chain.
/// Bindable from configuration (e.g. <c>Docusign:Connections:{name}</c>).
/// </summary>
public sealed class DocusignConnectionOptions
{
    /// <summary>Connection name; set from the registration name when empty.</summary>
    public string? Name { get; set; }

    /// <summary>What the connection is for, for operators (status and <c>validate</c> show it); at most 1024 characters.</summary>
    public string? Description { get; set; }

    /// <summary>The account's base_uri from /oauth/userinfo, e.g. https://demo.docusign.net (without /restapi).</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>
    /// Root of the Docusign Admin API (the incremental inbound poll's <c>last_modified_since</c> listing), e.g.
    /// <c>https://api-d.docusign.net/management</c>. Defaults by environment from <see cref="ServiceUri"/>: a
    /// <c>demo.docusign.net</c> account uses <c>api-d</c>, any other <c>docusign.net</c> account <c>api</c>, and
    /// anything else (an emulator) <c>{ServiceUri}/management</c>.
    /// </summary>
    public Uri? AdminBaseUri { get; set; }

    /// <summary>Account GUID (or external account number).</summary>
    public string? AccountId { get; set; }

    /// <summary>Integration key.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The grant that mints this connection's access tokens: the refresh-token chain of a consent, or the JWT grant.</summary>
    public const string RefreshTokenGrant = "refresh_token";

    /// <summary>JWT grant: an RSA key of the integration key signs an assertion for the impersonated user; no refresh token.</summary>
    public const string JwtGrant = "jwt";

    /// <summary>
    /// The account server: https://account-d.docusign.com for developer accounts, https://account.docusign.com for
    /// production (fact sheet §5.1). <see cref="TokenEndpoint"/> defaults to <c>{OAuthBaseUri}/oauth/token</c>.
    /// </summary>
    public Uri? OAuthBaseUri { get; set; }

    private Uri? _tokenEndpoint;

    /// <summary>e.g. https://account-d.docusign.com/oauth/token (demo) or https://account.docusign.com/oauth/token; defaults from <see cref="OAuthBaseUri"/>.</summary>
    public Uri? TokenEndpoint
    {
        get => _tokenEndpoint ?? (OAuthBaseUri is { IsAbsoluteUri: true } oauth ? new Uri(oauth, "/oauth/token") : null);
        set => _tokenEndpoint = value;
    }

    /// <summary>Defaults to <c>{TokenEndpoint}/../userinfo</c>.</summary>
    public Uri? UserInfoEndpoint { get; set; }

    /// <summary><c>refresh_token</c> (the default: the chain started by <c>connect docusign</c>) or <c>jwt</c>.</summary>
    public string GrantType { get; set; } = RefreshTokenGrant;

    /// <summary>JWT grant: the GUID of the user the integration key impersonates (an account administrator).</summary>
    public string? ImpersonatedUserId { get; set; }

    /// <summary>JWT grant: a PEM file holding the integration key's RSA private key. The key itself is never in configuration.</summary>
    public string? PrivateKeyFile { get; set; }

    public bool IsJwtGrant => string.Equals(GrantType, JwtGrant, StringComparison.OrdinalIgnoreCase);

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

    /// <exception cref="InvalidOperationException">Every problem of <see cref="Problems"/>, in one message.</exception>
    internal void Validate(string connectionName)
    {
        var problems = Problems(connectionName);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }
    }

    /// <summary>Every problem of this connection's settings, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Problems(string connectionName)
    {
        var key = $"Docusign:Connections:{connectionName}:";
        var problems = new List<string>();
        CheckUri(problems, key + nameof(ServiceUri), ServiceUri);
        CheckUri(problems, key + nameof(TokenEndpoint), TokenEndpoint);
        if (UserInfoEndpoint is not null)
        {
            CheckUri(problems, key + nameof(UserInfoEndpoint), UserInfoEndpoint);
        }

        if (AdminBaseUri is not null)
        {
            CheckUri(problems, key + nameof(AdminBaseUri), AdminBaseUri);
        }

        if (OAuthBaseUri is not null)
        {
            CheckUri(problems, key + nameof(OAuthBaseUri), OAuthBaseUri);
        }

        // The JWT grant proves itself with the RSA key, not the secret; the refresh grant needs the secret.
        var required = IsJwtGrant
            ? new[] { (nameof(AccountId), AccountId), (nameof(ClientId), ClientId), (nameof(ImpersonatedUserId), ImpersonatedUserId), (nameof(PrivateKeyFile), PrivateKeyFile) }
            : [(nameof(AccountId), AccountId), (nameof(ClientId), ClientId), (nameof(ClientSecret), ClientSecret)];
        foreach (var (name, value) in required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{key}{name} is required.");
            }
        }

        if (!IsJwtGrant && !string.Equals(GrantType, RefreshTokenGrant, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{key}{nameof(GrantType)} must be {RefreshTokenGrant} or {JwtGrant} (was '{GrantType}').");
        }

        if (IsJwtGrant && !string.IsNullOrWhiteSpace(PrivateKeyFile) && DocusignJwtAssertion.KeyProblem(PrivateKeyFile) is { } keyProblem)
        {
            problems.Add($"{key}{nameof(PrivateKeyFile)} {keyProblem}");
        }

        if (Description is { Length: > 1024 })
        {
            problems.Add($"{key}{nameof(Description)} must be at most 1024 characters (was {Description.Length}).");
        }

        if (PageSize is < 1 or > 100)
        {
            problems.Add($"{key}{nameof(PageSize)} must be 1–100 (was {PageSize}).");
        }

        if (CreateBatchSize is < 1 or > 500)
        {
            problems.Add($"{key}{nameof(CreateBatchSize)} must be 1–500 (was {CreateBatchSize}).");
        }

        return problems;
    }

    // Configuration binds any text to a Uri (a relative one if need be), so "not a uri" arrives here as a Uri.
    private static void CheckUri(List<string> problems, string key, Uri? value)
    {
        if (value is null)
        {
            problems.Add($"{key} is required.");
        }
        else if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{key} must be an absolute https:// (or, for a local emulator, http://) URI (was '{value.OriginalString}').");
        }
    }

    /// <summary>The Admin API root (<see cref="AdminBaseUri"/> or its default by environment).</summary>
    public Uri ResolveAdminBaseUri()
    {
        if (AdminBaseUri is not null)
        {
            return AdminBaseUri;
        }

        var host = ServiceUri!.Host;
        if (host.Equals("demo.docusign.net", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".demo.docusign.net", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri("https://api-d.docusign.net/management");
        }

        return host.EndsWith("docusign.net", StringComparison.OrdinalIgnoreCase)
            ? new Uri("https://api.docusign.net/management")
            : new Uri(ServiceUri, "management");
    }

    /// <summary>The account server's root: <see cref="OAuthBaseUri"/>, else the root of <see cref="TokenEndpoint"/>; null when neither is set.</summary>
    public Uri? ResolveOAuthBaseUri() => OAuthBaseUri ?? (TokenEndpoint is { IsAbsoluteUri: true } token ? new Uri(token, "/") : null);

    public Uri ResolveUserInfoEndpoint() => UserInfoEndpoint ?? new Uri(TokenEndpoint!, "userinfo");
}
