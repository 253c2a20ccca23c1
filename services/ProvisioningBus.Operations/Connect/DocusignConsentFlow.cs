using Microsoft.Extensions.Logging.Abstractions;
using ProvisioningBus.Docusign;
using ProvisioningBus.State.Tokens;

namespace ProvisioningBus.Operations.Connect;

/// <summary>
/// The authorization-code grant with PKCE, from the consent URL to the stored refresh token: exchange the code, read
/// /oauth/userinfo, choose the account, check the user administers it, then save the refresh token (encrypted by the
/// store) as the first link of the rotation chain. No token or secret is ever written to the output.
/// </summary>
public sealed class DocusignConsentFlow(CliContext cli, DocusignConsentSettings settings, IRefreshTokenStore store, HttpClient http)
{
    private string Key => $"Docusign:Connections:{settings.ConnectionName}";

    /// <summary>Runs the flow; the redirect comes from <paramref name="receive"/> (the loopback listener or a pasted URL).</summary>
    public async Task<int> RunAsync(Uri redirectUri, Func<Uri, CancellationToken, Task<AuthorizationResponse>> receive, string? accountId, CancellationToken cancellationToken)
    {
        var pkce = DocusignPkce.Create();
        var state = DocusignConsentUrl.NewState();
        var consentUrl = DocusignConsentUrl.ForAuthorizationCode(settings.OAuthBase, settings.Options.ClientId!, redirectUri, state, pkce);
        var response = await receive(consentUrl, cancellationToken);
        if (response.Error is not null)
        {
            cli.Error.WriteLine($"The consent was not given: {response.Error}{(response.ErrorDescription is null ? "" : $" ({response.ErrorDescription})")}.");
            return ExitCodes.RemoteFailure;
        }

        // A pasted bare code carries no state; a redirect always does, and it must be ours.
        if (response.State is not null && response.State != state || response.Code is null)
        {
            cli.Error.WriteLine("The redirect does not answer this consent request (state mismatch or no code); run the command again.");
            return ExitCodes.RemoteFailure;
        }

        var endpoint = new DocusignTokenEndpoint(http, settings.Options.TokenEndpoint ?? new Uri(settings.OAuthBase, "/oauth/token"), settings.ConnectionName, NullLogger.Instance, settings.Options.ClientSecret);
        var issued = await endpoint.RequestAsync(
            [new("grant_type", "authorization_code"), new("code", response.Code), new("code_verifier", pkce.Verifier), new("redirect_uri", redirectUri.ToString())],
            settings.Options.ClientId,
            settings.Options.ClientSecret,
            cancellationToken);
        if (string.IsNullOrEmpty(issued.RefreshToken))
        {
            cli.Error.WriteLine("Docusign issued no refresh token; check that the integration key allows the authorization code grant.");
            return ExitCodes.RemoteFailure;
        }

        var userInfoEndpoint = settings.Options.UserInfoEndpoint ?? new Uri(settings.OAuthBase, "/oauth/userinfo");
        var user = await DocusignUserInfoReader.ReadAsync(http, userInfoEndpoint, issued.AccessToken, cancellationToken);
        var account = ChooseAccount(user, accountId ?? settings.Options.AccountId);
        if (account is null)
        {
            return ExitCodes.NotFound;
        }

        if (await AccountAdministratorCheck.ProblemAsync(http, account, user, issued.AccessToken, cancellationToken) is { } notAdmin)
        {
            cli.Error.WriteLine(notAdmin);
            return ExitCodes.RemoteFailure;
        }

        await SaveAsync(issued.RefreshToken, cancellationToken);
        cli.Output.WriteLine($"Connected '{settings.ConnectionName}' to account '{account.AccountName}' ({account.AccountId}) as {user.Email}, an account administrator.");
        cli.Output.WriteLine("The refresh token is stored encrypted in the state store as the start of its rotation chain; it is never printed.");
        WriteSettings(account);
        return ExitCodes.Success;
    }

    /// <summary>
    /// The new consent replaces whatever chain was stored: compare-and-swap against what is there now, again if a
    /// worker rotated it in between (its chain is the one this consent supersedes).
    /// </summary>
    private async Task SaveAsync(string refreshToken, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await store.GetAsync(settings.ConnectionName, cancellationToken);
            if (await store.SaveAsync(settings.ConnectionName, current, refreshToken, cancellationToken))
            {
                return;
            }
        }

        throw new InvalidOperationException($"The refresh token of '{settings.ConnectionName}' kept changing in the state store while saving the new consent; stop the workers and run the command again.");
    }

    private DocusignUserInfoAccount? ChooseAccount(DocusignUserInfo user, string? accountId)
    {
        var usable = user.Accounts.Where(a => a.AccountId is not null && a.BaseUri is not null).ToList();
        if (accountId is not null)
        {
            var named = usable.FirstOrDefault(a => string.Equals(a.AccountId, accountId, StringComparison.OrdinalIgnoreCase));
            if (named is null)
            {
                cli.Error.WriteLine($"{user.Email} has no account {accountId}; its accounts: {Describe(usable)}.");
            }

            return named;
        }

        if (usable.Count == 1)
        {
            return usable[0];
        }

        if (usable.Count == 0)
        {
            cli.Error.WriteLine($"{user.Email} belongs to no eSignature account.");
            return null;
        }

        cli.Output.WriteLine($"{user.Email} belongs to several accounts:");
        for (var i = 0; i < usable.Count; i++)
        {
            cli.Output.WriteLine($"  {i + 1}. {usable[i].AccountName} ({usable[i].AccountId}) {usable[i].BaseUri}{(usable[i].IsDefault ? " [default]" : "")}");
        }

        cli.Output.Write("Account number: ");
        cli.Output.Flush();
        if (int.TryParse(cli.Input.ReadLine(), out var choice) && choice >= 1 && choice <= usable.Count)
        {
            return usable[choice - 1];
        }

        cli.Error.WriteLine("No account chosen; pass --account <account id>.");
        return null;
    }

    /// <summary>
    /// The CLI prints the keys rather than editing the operator's configuration: it may be a file, environment
    /// variables or a secret manager, and only the operator knows which.
    /// </summary>
    private void WriteSettings(DocusignUserInfoAccount account)
    {
        var serviceUri = account.BaseUri!.TrimEnd('/');
        var wanted = new[] { ("AccountId", account.AccountId!), ("ServiceUri", serviceUri) };
        var missing = wanted.Where(w => !string.Equals(Configured(w.Item1)?.TrimEnd('/'), w.Item2, StringComparison.OrdinalIgnoreCase)).ToList();
        if (missing.Count == 0)
        {
            cli.Output.WriteLine($"{Key}:AccountId and :ServiceUri already match this account.");
            return;
        }

        cli.Output.WriteLine("Set in the configuration (appsettings.json, or the environment variables shown):");
        foreach (var (name, value) in missing)
        {
            cli.Output.WriteLine($"  {Key}:{name} = {value}");
            cli.Output.WriteLine($"    {Key.Replace(":", "__", StringComparison.Ordinal)}__{name}={value}");
        }

        if (!string.IsNullOrEmpty(settings.Options.RefreshToken))
        {
            cli.Output.WriteLine($"  Remove {Key}:RefreshToken: the stored chain is used and the configured token only seeds an empty store.");
        }
    }

    private string? Configured(string name) => cli.Configuration[$"{Key}:{name}"];

    private static string Describe(IEnumerable<DocusignUserInfoAccount> accounts) =>
        string.Join(", ", accounts.Select(a => $"{a.AccountId} ({a.AccountName})")) is { Length: > 0 } text ? text : "none";
}
