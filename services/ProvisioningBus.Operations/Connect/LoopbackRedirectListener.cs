using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace ProvisioningBus.Operations.Connect;

/// <summary>
/// Receives the consent redirect on 127.0.0.1 (RFC 8252 loopback redirect): the browser brings the code straight to
/// the CLI, so nobody copies it by hand. Only the first redirect counts; the page tells the person to close the tab.
/// </summary>
public sealed class LoopbackRedirectListener : IAsyncDisposable
{
    public const string CallbackPath = "/callback";

    private readonly WebApplication _app;
    private readonly TaskCompletionSource<AuthorizationResponse> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LoopbackRedirectListener(WebApplication app, Uri redirectUri)
    {
        _app = app;
        RedirectUri = redirectUri;
    }

    /// <summary>e.g. <c>http://127.0.0.1:8765/callback</c>: the redirect URI to register on the integration key.</summary>
    public Uri RedirectUri { get; }

    public static Uri RedirectUriFor(int port) => new($"http://127.0.0.1:{port}{CallbackPath}");

    /// <summary>Port 0 takes any free port (tests); an operator passes the port of the registered redirect URI.</summary>
    public static async Task<LoopbackRedirectListener> StartAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        LoopbackRedirectListener? listener = null;
        app.MapGet(CallbackPath, (HttpRequest request) =>
        {
            string? Value(string name) => request.Query[name].Count > 0 ? request.Query[name][0] : null;
            var response = new AuthorizationResponse(Value("code"), Value("state"), Value("error"), Value("error_description"));
            listener!._received.TrySetResult(response);
            return Results.Content(
                response.Error is null
                    ? "<html><body><p>ProvisioningBus received the consent. You can close this tab and return to the terminal.</p></body></html>"
                    : "<html><body><p>The consent did not complete; see the terminal.</p></body></html>",
                "text/html");
        });
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        listener = new LoopbackRedirectListener(app, RedirectUriFor(address.Port));
        return listener;
    }

    public async Task<AuthorizationResponse> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _received.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"No consent redirect reached {RedirectUri} within {timeout.TotalMinutes:0.#} min; run the command again (or use --paste on a machine without a browser).");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
