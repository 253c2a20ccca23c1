using System.Net;
using Docusign.Emulator.Accounts;
using Docusign.Emulator.Admin;
using Docusign.Emulator.Control;
using Docusign.Emulator.Groups;
using Docusign.Emulator.Infrastructure;
using Docusign.Emulator.OAuth;
using Docusign.Emulator.Users;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Docusign.Emulator;

/// <summary>
/// A local, in-memory Docusign: the account server (<c>/oauth/token</c>, <c>/oauth/userinfo</c>) and the eSignature
/// REST API v2.1 users/groups subset under <c>/restapi/v2.1/accounts/{accountId}</c>, on Kestrel at 127.0.0.1.
/// </summary>
public sealed class DocusignEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DocusignEmulator(WebApplication app, Uri baseUri, DocusignEmulatorOptions options, DocusignEmulatorState state, ConsentLedger consents)
    {
        Consents = consents;
        _app = app;
        BaseUri = baseUri;
        Options = options;
        State = state;
    }

    /// <summary>Service root, e.g. <c>http://127.0.0.1:54321/</c>; it is both the account server and the base_uri.</summary>
    public Uri BaseUri { get; }

    public string AccountId => Options.AccountId;

    public DocusignEmulatorOptions Options { get; }

    public DocusignEmulatorState State { get; }

    public ConsentLedger Consents { get; }

    /// <summary><c>{BaseUri}oauth/token</c>.</summary>
    public Uri TokenEndpoint => new(BaseUri, "oauth/token");

    /// <summary><c>{BaseUri}restapi/v2.1/accounts/{AccountId}/</c>.</summary>
    public Uri AccountUri => new(BaseUri, $"restapi/v2.1/accounts/{AccountId}/");

    public static async Task<DocusignEmulator> StartAsync(DocusignEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var timeProvider = options.TimeProvider
            ?? (options.TimeScale is > 0 and not 1 ? new ScaledTimeProvider(options.TimeScale) : TimeProvider.System);
        var state = new DocusignEmulatorState(options, timeProvider);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DocusignEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        if (options.EnableConsoleLogging)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(options.ListenAddress), options.Port));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(state);
        var consents = new ConsentLedger(timeProvider);
        builder.Services.AddSingleton(consents);

        var app = builder.Build();
        Configure(app);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DocusignEmulator(app, options.PublicBaseUri ?? new Uri(address.TrimEnd('/') + "/"), options, state, consents);
    }

    /// <summary>Adds the emulator's middleware and endpoints to an application whose services hold a <see cref="DocusignEmulatorState"/>.</summary>
    private static void Configure(WebApplication app)
    {
        app.UseMiddleware<RequestRecordingMiddleware>();
        app.UseMiddleware<FaultInjectionMiddleware>();
        app.UseMiddleware<RestGatekeeperMiddleware>();

        ControlEndpoints.Map(app);
        OAuthEndpoints.Map(app);
        ConsentEndpoints.Map(app);
        var account = app.MapGroup("/restapi/v2.1/accounts/{accountId}");
        AccountEndpoints.Map(account);
        UserEndpoints.Map(account);
        GroupEndpoints.Map(account);
        GroupMemberEndpoints.Map(account);
        AdminUserEndpoints.Map(app);
        app.MapFallback((HttpContext context) => EmulatorJson.Fail(
            new EmulatorError("RESOURCE_NOT_FOUND", $"No emulated resource at {context.Request.Method} {context.Request.Path}."),
            StatusCodes.Status404NotFound));
    }

    /// <summary>Completes when the emulator stops (e.g. Ctrl+C in the executable).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
