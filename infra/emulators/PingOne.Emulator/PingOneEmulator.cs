using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PingOne.Emulator.Activities;
using PingOne.Emulator.Api;
using PingOne.Emulator.Auth;
using PingOne.Emulator.Directory;
using PingOne.Emulator.Hosting;
using PingOne.Emulator.Webhooks;

namespace PingOne.Emulator;

/// <summary>
/// One emulated PingOne environment on a loopback Kestrel: the management API subset, the worker-app token
/// endpoint, and webhook subscriptions delivered like PingOne delivers them. Start it in-process with
/// <see cref="StartAsync(PingOneEmulatorOptions, CancellationToken)"/>.
/// </summary>
public sealed class PingOneEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorContext _context;
    private readonly DeliveryClients _clients;

    private PingOneEmulator(WebApplication app, EmulatorContext context, DeliveryClients clients, Uri baseUri)
    {
        _app = app;
        _context = context;
        _clients = clients;
        BaseUri = baseUri;
    }

    /// <summary>The listening root, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The management API base, like <c>https://api.pingone.com/v1</c>.</summary>
    public Uri ApiBaseUri => new(BaseUri, "v1");

    /// <summary>The auth base, like <c>https://auth.pingone.com</c>; the token endpoint is <c>{AuthBaseUri}/{EnvironmentId}/as/token</c>.</summary>
    public Uri AuthBaseUri => BaseUri;

    public Uri TokenEndpoint => new(BaseUri, $"{EnvironmentId}/as/token");

    public string EnvironmentId => _context.Options.EnvironmentId;

    public string ClientId => _context.Options.ClientId;

    public string ClientSecret => _context.Options.ClientSecret;

    /// <summary>The directory; its write methods act as an administrator in the admin console and record events.</summary>
    public DirectoryState State => _context.State;

    /// <summary>Every audit event recorded so far, in order.</summary>
    public ActivityLog Activities => _context.Log;

    /// <summary>Access tokens issued so far.</summary>
    public int IssuedTokenCount => _context.Tokens.IssuedCount;

    /// <summary>Events accepted (200) by subscription endpoints, summed over subscriptions.</summary>
    public long DeliveredEventCount => _context.Subscriptions.All().Sum(d => d.DeliveredEvents);

    public static Task<PingOneEmulator> StartAsync(PingOneEmulatorOptions options, CancellationToken ct = default) =>
        StartAsync(options, TimeProvider.System, ct);

    public static async Task<PingOneEmulator> StartAsync(PingOneEmulatorOptions options, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(PingOneEmulator).Assembly.GetName().Name });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(options.ListenAddress), options.Port));
        if (!options.EnableRequestLogging)
        {
            builder.Logging.ClearProviders();
        }

        var app = builder.Build();
        var address = new ApiAddress();
        var log = new ActivityLog();
        var clients = new DeliveryClients();
        var adminConsole = new DirectoryActor(options.AdminConsoleClientId, options.AdminConsoleClientName, Guid.NewGuid().ToString(), options.AdminUserName);
        var context = new EmulatorContext(
            options,
            new DirectoryState(log, new ActivityEventFactory(options.EnvironmentId, address, time), time, adminConsole, options.DefaultPopulationName),
            log,
            new SubscriptionRegistry(log, clients, options, time, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<PingOneEmulator>()),
            new TokenIssuer(options, time),
            new FaultInjector(),
            new ApiJson(options.EnvironmentId, address),
            time);

        // The pipeline is fixed when Kestrel starts, so routes go in first; the port (and so every href) is
        // known only after binding, which is why hrefs are built from the ApiAddress filled in below.
        PingOneEmulator? emulator = null;
        EmulatorRoutes.Map(app, context, () => emulator!);
        var listening = await ListenAsync(app, ct);
        var bound = options.PublicBaseUri ?? listening;
        emulator = new PingOneEmulator(app, context, clients, bound);
        address.Value = emulator.ApiBaseUri;
        foreach (var subscription in options.Subscriptions)
        {
            emulator.AddSubscription(subscription);
        }

        return emulator;

        static async Task<Uri> ListenAsync(WebApplication app, CancellationToken ct)
        {
            await app.StartAsync(ct);
            var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(listening.TrimEnd('/') + "/");
        }
    }

    /// <summary>Creates a subscription as <c>POST /subscriptions</c> would; it receives events recorded from now on.</summary>
    /// <returns>The subscription id.</returns>
    public string AddSubscription(EmulatedSubscriptionOptions subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var now = _context.Time.GetUtcNow();
        var definition = new SubscriptionDefinition
        {
            Id = Guid.NewGuid().ToString(),
            Name = subscription.Name,
            Enabled = subscription.Enabled,
            Url = subscription.Url,
            Headers = new Dictionary<string, string>(subscription.Headers, StringComparer.OrdinalIgnoreCase),
            IncludedActionTypes = subscription.IncludedActionTypes.Count > 0 ? subscription.IncludedActionTypes : DefaultActionTypes,
            MaxEventsPerPayload = subscription.MaxEventsPerPayload,
            PayloadFormat = subscription.PayloadFormat,
            VerifyTlsCertificates = false,
            CreatedAt = now,
            UpdatedAt = now,
        };
        _context.Subscriptions.Create(definition);
        return definition.Id;
    }

    /// <summary>Pauses or resumes a subscription; a paused one accumulates its events.</summary>
    public void SetSubscriptionEnabled(string subscriptionId, bool enabled)
    {
        var delivery = _context.Subscriptions.Find(subscriptionId) ?? throw EmulatorApiException.NotFound($"subscription with id {subscriptionId}");
        _context.Subscriptions.Replace(delivery.Definition with { Enabled = enabled, UpdatedAt = _context.Time.GetUtcNow() });
    }

    /// <summary>Every POST made for a subscription (most recent 200), in order.</summary>
    public IReadOnlyList<DeliveryAttempt> DeliveryAttempts(string subscriptionId) =>
        _context.Subscriptions.Find(subscriptionId)?.Attempts() ?? [];

    /// <summary>The next <paramref name="count"/> management API requests fail with <paramref name="statusCode"/>.</summary>
    public void FailNextApiRequests(int count, int statusCode = 503) => _context.Faults.FailNext(count, statusCode);

    /// <summary>Invalidates every issued token, as a revocation would; clients must fetch a new one.</summary>
    public void RevokeTokens() => _context.Tokens.RevokeAll();

    /// <summary>Waits until every enabled subscription has had every recorded event accepted (or filtered out).</summary>
    /// <exception cref="TimeoutException">Not everything was delivered in time; the message says which subscription lags.</exception>
    public async Task WaitForDeliveryAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var progress = _context.Subscriptions.Progress.NextChange;
            var appended = _context.Log.Appended.NextChange;
            if (_context.Subscriptions.AllCaughtUp(out var pending))
            {
                return;
            }

            try
            {
                await Task.WhenAny(progress, appended).WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"Webhook delivery not complete after {timeout}: {pending}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _context.Subscriptions.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _clients.Dispose();
    }

    private static readonly IReadOnlyList<string> DefaultActionTypes =
    [
        "USER.CREATED", "USER.UPDATED", "USER.DELETED",
        "GROUP.CREATED", "GROUP.UPDATED", "GROUP.DELETED",
        "MEMBER_OF_GROUP.CREATED", "MEMBER_OF_GROUP.DELETED",
    ];
}
