using System.CommandLine;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Docusign;
using ProvisioningBus.State.Tokens;

namespace ProvisioningBus.Operations.Connect;

/// <summary>
/// <c>connect docusign &lt;connection&gt;</c>: an administrator's consent, turned into the connection's stored refresh
/// token and the AccountId / ServiceUri to configure; <c>--jwt</c> prints the one-time consent URL of the JWT grant.
/// </summary>
public static class ConnectCommand
{
    /// <summary>The port of the redirect URI the README registers, http://127.0.0.1:8765/callback.</summary>
    public const int DefaultPort = 8765;

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Argument<string>("connection") { Description = "The connection's name under Docusign:Connections." };
        var jwt = new Option<bool>("--jwt") { Description = "Print the one-time consent URL of the JWT grant (scopes signature impersonation) and exit." };
        var port = new Option<int>("--port") { Description = $"Loopback port of the registered redirect URI http://127.0.0.1:<port>/callback (default {DefaultPort}).", DefaultValueFactory = _ => DefaultPort };
        var paste = new Option<bool>("--paste") { Description = "Headless server: do not listen; paste the URL the browser was redirected to (or its code)." };
        var account = new Option<string?>("--account") { Description = "The account id to connect, when the user has several." };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Only print the consent URL; do not try to open a browser." };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "How long to wait for the consent redirect (default 00:05:00).", DefaultValueFactory = _ => TimeSpan.FromMinutes(5) };
        var docusign = new Command("docusign", "Consent as a Docusign account administrator (authorization code grant with PKCE) and store the refresh token encrypted in the state store.")
        {
            name, jwt, port, paste, account, noBrowser, timeout,
        };
        docusign.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var connectionName = parse.GetValue(name)!;
            var settings = DocusignConsentSettings.Read(cli.Configuration, connectionName, parse.GetValue(jwt));
            if (parse.GetValue(jwt))
            {
                return PrintJwtConsent(cli, settings, LoopbackRedirectListener.RedirectUriFor(parse.GetValue(port)));
            }

            cli.RequireExistingStore();
            using var host = await cli.StartHostAsync(builder => builder.AddProvisioningStateStore(), cancellationToken);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var flow = new DocusignConsentFlow(cli, settings, host.Services.GetRequiredService<IRefreshTokenStore>(), http);
            int exit;
            if (parse.GetValue(paste))
            {
                exit = await flow.RunAsync(
                    LoopbackRedirectListener.RedirectUriFor(parse.GetValue(port)),
                    (url, _) => Task.FromResult(ReadPasted(cli, url)),
                    parse.GetValue(account),
                    cancellationToken);
            }
            else
            {
                await using var listener = await LoopbackRedirectListener.StartAsync(parse.GetValue(port), cancellationToken);
                exit = await flow.RunAsync(
                    listener.RedirectUri,
                    (url, ct) =>
                    {
                        PrintConsentUrl(cli, url, tryBrowser: !parse.GetValue(noBrowser));
                        cli.Output.WriteLine($"Waiting for the redirect to {listener.RedirectUri} …");
                        return listener.WaitAsync(parse.GetValue(timeout), ct);
                    },
                    parse.GetValue(account),
                    cancellationToken);
            }

            await host.StopAsync(cancellationToken);
            return exit;
        });

        return new Command("connect", "Connect a real tenant: consent and store its credentials.") { docusign };
    }

    private static void PrintConsentUrl(CliContext cli, Uri url, bool tryBrowser)
    {
        cli.Output.WriteLine("Open this URL and sign in as an account administrator to consent (scopes signature extended):");
        // AbsoluteUri keeps %20 escaped: Uri.ToString() would print spaces that break the copied URL.
        cli.Output.WriteLine($"  {url.AbsoluteUri}");
        if (tryBrowser && BrowserLauncher.TryOpen(url))
        {
            cli.Output.WriteLine("(opened in your browser)");
        }

        cli.Output.Flush();
    }

    private static AuthorizationResponse ReadPasted(CliContext cli, Uri url)
    {
        PrintConsentUrl(cli, url, tryBrowser: false);
        cli.Output.WriteLine("The browser then fails to load the redirect page on this headless machine: paste that page's full URL here:");
        cli.Output.Flush();
        var line = cli.Input.ReadLine();
        return string.IsNullOrWhiteSpace(line)
            ? throw new InvalidOperationException("Nothing was pasted; run the command again and paste the redirected URL.")
            : AuthorizationResponse.Parse(line);
    }

    private static int PrintJwtConsent(CliContext cli, DocusignConsentSettings settings, Uri redirectUri)
    {
        var key = $"Docusign:Connections:{settings.ConnectionName}";
        cli.Output.WriteLine("Once per integration key and user: open this URL as the user to impersonate (an account administrator) and accept (scopes signature impersonation):");
        cli.Output.WriteLine($"  {DocusignConsentUrl.ForJwtConsent(settings.OAuthBase, settings.Options.ClientId!, redirectUri).AbsoluteUri}");
        cli.Output.WriteLine("Then configure the connection for the JWT grant:");
        cli.Output.WriteLine($"  {key}:GrantType = {DocusignConnectionOptions.JwtGrant}");
        cli.Output.WriteLine($"  {key}:ImpersonatedUserId = <the user's API user id (Apps and Keys page)>");
        cli.Output.WriteLine($"  {key}:PrivateKeyFile = <path of the integration key's RSA private key, PEM>");
        cli.Output.WriteLine($"and check it with `test-connection {settings.ConnectionName}`.");
        return ExitCodes.Success;
    }
}
