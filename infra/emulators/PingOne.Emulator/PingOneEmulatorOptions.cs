namespace PingOne.Emulator;

/// <summary>Settings of one emulated PingOne environment; bound from <c>PingOne:Emulator</c>.</summary>
public sealed record PingOneEmulatorOptions
{
    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The address Kestrel binds: loopback by default; <c>0.0.0.0</c> in a container, where other services connect by host name.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>
    /// The root other processes reach this emulator at (e.g. <c>http://pingone-emulator:8080/</c> in compose), used in
    /// every link and address it hands out; defaults to the bound address.
    /// </summary>
    public Uri? PublicBaseUri { get; init; }

    public string EnvironmentId { get; init; } = "5f3a9c1e-0000-4000-8000-00000000e001";

    /// <summary>The worker application's client id that the token endpoint accepts.</summary>
    public string ClientId { get; init; } = "provisioning-bus-worker";

    /// <summary>The worker application's client secret. Never logged.</summary>
    public string ClientSecret { get; init; } = "emulator-secret";

    /// <summary>
    /// A second worker application, standing for an administrator's own API client: its changes are not ours, so the
    /// gateway does not drop them as the inbound applier's echo (which it does for <see cref="ClientId"/>).
    /// </summary>
    public string AdminApiClientId { get; init; } = "emulator-admin-client";

    /// <summary>The administrator API client's secret. Never logged.</summary>
    public string AdminApiClientSecret { get; init; } = "emulator-admin-secret";

    /// <summary>
    /// Client id put in <c>actors.client.id</c> for changes made through <see cref="PingOneEmulator.State"/>
    /// ("an admin in the console"); observed audit events use <c>adminui</c> (fact sheet §1.5).
    /// </summary>
    public string AdminConsoleClientId { get; init; } = "adminui";

    public string AdminConsoleClientName { get; init; } = "PingOne Admin Console";

    /// <summary>The administrator put in <c>actors.user</c> for console changes.</summary>
    public string AdminUserName { get; init; } = "admin@example.com";

    public string DefaultPopulationName { get; init; } = "Default";

    /// <summary>Tokens live 1 hour in PingOne ("An access token is valid for 1 hour", fact sheet §2.1).</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The largest /users page, whatever <c>limit</c> asks: PingOne's page "may be smaller" than limit (≈200).</summary>
    public int MaxUsersPageSize { get; init; } = 200;

    /// <summary>First wait before re-posting a batch that did not get 200; doubled up to <see cref="MaxDeliveryRetryDelay"/>.</summary>
    public TimeSpan DeliveryRetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxDeliveryRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of one webhook POST.</summary>
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Subscriptions that exist from the start, as if created through the API.</summary>
    public IReadOnlyList<EmulatedSubscriptionOptions> Subscriptions { get; init; } = [];

    /// <summary>Log requests to the console (off for tests).</summary>
    public bool EnableRequestLogging { get; init; }
}
