namespace Docusign.Emulator;

/// <summary>
/// Settings of one emulated Docusign account, its OAuth integration and the service-protection limits.
/// Bound from configuration section <c>Docusign:Emulator</c> by the executable.
/// </summary>
public sealed record DocusignEmulatorOptions
{
    /// <summary>The well-known account GUID the emulator uses unless told otherwise (stable so configs can name it).</summary>
    public const string DefaultAccountId = "0b9d4c1e-5f3a-4e7b-9c2d-7a1f00d0c051";

    /// <summary>TCP port on 127.0.0.1; 0 picks any free port.</summary>
    public int Port { get; init; }

    /// <summary>The address Kestrel binds: loopback by default; <c>0.0.0.0</c> in a container, where other services connect by host name.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>
    /// The root other processes reach this emulator at (e.g. <c>http://pingone-emulator:8080/</c> in compose), used in
    /// every link and address it hands out; defaults to the bound address.
    /// </summary>
    public Uri? PublicBaseUri { get; init; }

    public string AccountId { get; init; } = DefaultAccountId;

    /// <summary>The well-known organisation GUID the account belongs to (Admin API), stable so configs can name it.</summary>
    public const string DefaultOrganizationId = "5e1f3c7a-2b4d-4c8e-9a6f-0d2c00d0c051";

    /// <summary>The organisation the account belongs to: the Admin API answers for this one only.</summary>
    public string OrganizationId { get; init; } = DefaultOrganizationId;
    public string AccountName { get; init; } = "ProvisioningBus Emulated Account";

    /// <summary>Integration key (OAuth client id) accepted by <c>POST /oauth/token</c>.</summary>
    public string ClientId { get; init; } = "emulator-integration-key";
    public string ClientSecret { get; init; } = "emulator-secret-key";

    /// <summary>The refresh token that is valid when the emulator starts (and after a reset).</summary>
    public string InitialRefreshToken { get; init; } = "emulator-initial-refresh-token";

    /// <summary>
    /// Redirect URIs registered for the integration key: /oauth/auth refuses any other, as Docusign does. Loopback
    /// addresses (127.0.0.1, localhost) on any port are accepted too when <see cref="AcceptAnyLoopbackRedirect"/> is set,
    /// because tests bind their loopback listener to a free port.
    /// </summary>
    public IReadOnlyList<string> RedirectUris { get; init; } = [];

    public bool AcceptAnyLoopbackRedirect { get; init; } = true;

    /// <summary>
    /// Test-only: /oauth/auth approves at once and redirects to redirect_uri with code and state, standing in for the
    /// person who logs in and clicks Accept. Off, it shows a consent page with an Accept link.
    /// </summary>
    public bool AutoApproveConsent { get; init; } = true;

    /// <summary>The integration key's RSA public key (PEM) for JWT grants; null refuses the JWT grant.</summary>
    public string? JwtPublicKeyPem { get; init; }

    /// <summary>JWT access tokens last one hour on Docusign.</summary>
    public TimeSpan JwtAccessTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Access-token lifetime; Docusign's Authorization Code Grant gives 8 hours (expires_in 28800).</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>The administrator who consented: the user the tokens belong to (seeded into the account).</summary>
    public string AdminUserName { get; init; } = "Emulator Admin";
    public string AdminEmail { get; init; } = "admin@emulator.invalid";

    /// <summary>Whether the token's user is an account administrator; false makes user/group calls fail with USER_LACKS_PERMISSIONS.</summary>
    public bool TokenUserIsAdmin { get; init; } = true;

    /// <summary>Requests per account per clock hour (Docusign default 3,000).</summary>
    public int HourlyLimit { get; init; } = 3000;

    /// <summary>Requests per 30-second burst window (Docusign: 200 developer, 500 production).</summary>
    public int BurstLimit { get; init; } = 500;

    public TimeSpan BurstWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// HTTP status for HOURLY_/BURST_ limit errors: 429 since Docusign's 2026 change, 400 before it
    /// (fact sheet §4.4). Set 400 to exercise the legacy behaviour.
    /// </summary>
    public int RateLimitStatusCode { get; init; } = 429;

    /// <summary>
    /// Time runs this many times faster than the wall clock (e.g. 3600: an hourly window passes in one second).
    /// Ignored when <see cref="TimeProvider"/> is set.
    /// </summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>Clock for token expiry and rate-limit windows; tests pass a fake or shared scaled clock.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Faults active from the start (see also <c>POST /_emulator/faults</c>).</summary>
    public EmulatorFaultSettings Faults { get; init; } = new();

    /// <summary>How a re-POST of a closed user's userName+email reactivates it (fact sheet §1.7: unverified which happens).</summary>
    public ClosedUserReactivation ClosedUserReactivation { get; init; } = ClosedUserReactivation.SameUserId;

    /// <summary>Most request-log entries kept (oldest dropped first).</summary>
    public int RequestLogCapacity { get; init; } = 2_000;

    /// <summary>Keep <c>/restapi</c> request and response bodies in the log (tests validate them; a long-running host may turn this off).</summary>
    public bool RecordBodies { get; init; } = true;

    /// <summary>Writes ASP.NET Core logs to the console (the executable turns this on).</summary>
    public bool EnableConsoleLogging { get; init; }
}
