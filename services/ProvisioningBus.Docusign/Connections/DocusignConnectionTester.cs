using System.Net;
using ProvisioningBus.Docusign.Api;

namespace ProvisioningBus.Docusign;

/// <summary>
/// Test Connection: (1) redeem the refresh token (or mint a token by JWT grant), (2) GET /oauth/userinfo and check the account is among the
/// user's accounts, (3) GET /restapi/v2.1/accounts/{id}, (4) GET …/users?count=1 (needs admin rights).
/// Each step's failure maps to its own outcome; rate limits fail fast instead of waiting.
/// </summary>
internal sealed class DocusignConnectionTester(DocusignConnection connection, IDocusignEsignatureApi api)
{
    private readonly DocusignConnectionOptions _options = connection.Options;

    public async Task<DocusignConnectionTestResult> RunAsync(CancellationToken cancellationToken)
    {
        using var _ = DocusignRateLimitHandler.SuppressWaits();
        var accountId = _options.AccountId!;

        try
        {
            await connection.Tokens.ForceRefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DocusignAuthenticationException ex)
        {
            return FromAuthentication(ex);
        }

        DocusignUserInfo userInfo;
        try
        {
            userInfo = await connection.Tokens.GetUserInfoAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DocusignAuthenticationException ex)
        {
            return FromAuthentication(ex);
        }
        catch (DocusignApiException ex)
        {
            return Fail(DocusignConnectionTestOutcome.Failed, $"The account server refused /oauth/userinfo ({Describe(ex)}).", ex);
        }

        var account = userInfo.Accounts.FirstOrDefault(a => string.Equals(a.AccountId, accountId, StringComparison.OrdinalIgnoreCase));
        if (account is null)
        {
            var known = userInfo.Accounts.Count == 0 ? "none" : string.Join(", ", userInfo.Accounts.Select(a => $"{a.AccountId} ({a.AccountName})"));
            return new DocusignConnectionTestResult(
                connection.Name,
                DocusignConnectionTestOutcome.UnknownAccount,
                $"Account {accountId} is not among the accounts of the consenting user {userInfo.Email}; the user belongs to: {known}.")
            {
                UserEmail = userInfo.Email,
            };
        }

        var mismatch = account.BaseUri is { Length: > 0 } baseUri
            && !string.Equals(baseUri.TrimEnd('/'), _options.ServiceUri!.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
                ? baseUri
                : null;

        AccountInformation accountInformation;
        try
        {
            accountInformation = await api.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
            await api.ListUsersAsync(accountId, new UsersListQuery { Count = 1 }, cancellationToken).ConfigureAwait(false);
        }
        catch (DocusignApiException ex)
        {
            var outcome = ex switch
            {
                DocusignAuthenticationException auth => FromAuthentication(auth).Outcome,
                { IsRateLimited: true } => DocusignConnectionTestOutcome.RateLimited,
                _ when DocusignErrorCodes.IsUnknownAccount(ex.ErrorCode) || ex.StatusCode == HttpStatusCode.NotFound => DocusignConnectionTestOutcome.UnknownAccount,
                _ when DocusignErrorCodes.IsPermissionDenied(ex.ErrorCode) || ex.StatusCode == HttpStatusCode.Forbidden => DocusignConnectionTestOutcome.InsufficientPermissions,
                _ when ex.StatusCode is null || (int)ex.StatusCode >= 500 => DocusignConnectionTestOutcome.ServiceUnreachable,
                _ => DocusignConnectionTestOutcome.Failed,
            };
            var message = outcome switch
            {
                DocusignConnectionTestOutcome.UnknownAccount => $"Docusign does not know account {accountId} for this user ({Describe(ex)}).",
                DocusignConnectionTestOutcome.InsufficientPermissions => $"User {userInfo.Email} may not manage users and groups of account {accountId}; it must be an account administrator ({Describe(ex)}).",
                DocusignConnectionTestOutcome.RateLimited => $"The account's API limit is exhausted right now ({Describe(ex)}).",
                DocusignConnectionTestOutcome.ServiceUnreachable => $"The eSignature REST service at {_options.ServiceUri} failed ({Describe(ex)}).",
                _ => $"The eSignature REST call failed ({Describe(ex)}).",
            };
            return Fail(outcome, message, ex) with { UserEmail = userInfo.Email, BaseUriMismatch = mismatch };
        }
        catch (HttpRequestException ex)
        {
            return new DocusignConnectionTestResult(
                connection.Name,
                DocusignConnectionTestOutcome.ServiceUnreachable,
                $"The eSignature REST service at {_options.ServiceUri} did not answer ({ex.HttpRequestError}).")
            {
                UserEmail = userInfo.Email,
                BaseUriMismatch = mismatch,
            };
        }
        catch (Exception ex) when (ex is TimeoutException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new DocusignConnectionTestResult(
                connection.Name,
                DocusignConnectionTestOutcome.ServiceUnreachable,
                $"The eSignature REST service at {_options.ServiceUri} timed out.")
            {
                UserEmail = userInfo.Email,
                BaseUriMismatch = mismatch,
            };
        }

        var note = mismatch is null ? "" : $" Note: the account's base_uri is {mismatch}, not the configured {_options.ServiceUri}.";
        return new DocusignConnectionTestResult(
            connection.Name,
            DocusignConnectionTestOutcome.Succeeded,
            $"Connected to account '{accountInformation.AccountName}' ({accountId}) as {userInfo.Email}.{note}")
        {
            AccountName = accountInformation.AccountName,
            UserEmail = userInfo.Email,
            BaseUriMismatch = mismatch,
        };
    }

    private DocusignConnectionTestResult FromAuthentication(DocusignAuthenticationException ex)
    {
        var endpoint = _options.TokenEndpoint!.GetLeftPart(UriPartial.Path);
        return ex.Failure switch
        {
            DocusignAuthenticationFailure.TokenEndpointUnreachable =>
                Fail(DocusignConnectionTestOutcome.TokenEndpointUnreachable, $"The token endpoint {endpoint} is unreachable.", ex),
            DocusignAuthenticationFailure.InvalidGrant when _options.IsJwtGrant =>
                Fail(DocusignConnectionTestOutcome.InvalidGrant, $"The token endpoint refused the JWT assertion (invalid_grant: {ex.ErrorMessage}). Check that {_options.PrivateKeyFile} is the private half of the RSA key pair of integration key {_options.ClientId}, and the impersonated user id.", ex),
            DocusignAuthenticationFailure.ConsentRequired =>
                Fail(DocusignConnectionTestOutcome.ConsentRequired, $"User {_options.ImpersonatedUserId} has not consented to impersonation by integration key {_options.ClientId}: open the URL `connect docusign {connection.Name} --jwt` prints, once.", ex),
            DocusignAuthenticationFailure.InvalidGrant =>
                Fail(DocusignConnectionTestOutcome.InvalidGrant, $"The token endpoint refused the refresh token (invalid_grant): it expired, was revoked or was already used. Someone must consent again and store a new refresh token.", ex),
            DocusignAuthenticationFailure.InvalidClient =>
                Fail(DocusignConnectionTestOutcome.InvalidClient, $"The token endpoint refused the integration key {_options.ClientId} or its secret ({ex.ErrorCode ?? "invalid_client"}).", ex),
            DocusignAuthenticationFailure.MissingRefreshToken =>
                Fail(DocusignConnectionTestOutcome.MissingRefreshToken, "No refresh token is stored or configured for this connection.", ex),
            _ => Fail(DocusignConnectionTestOutcome.Failed, $"The token endpoint {endpoint} failed ({Describe(ex)}).", ex),
        };
    }

    private DocusignConnectionTestResult Fail(DocusignConnectionTestOutcome outcome, string message, DocusignApiException ex) =>
        new(connection.Name, outcome, message)
        {
            StatusCode = ex.StatusCode is { } s ? (int)s : null,
            ErrorCode = ex.ErrorCode,
        };

    private static string Describe(DocusignApiException ex)
    {
        var status = ex.StatusCode is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no response";
        return string.IsNullOrEmpty(ex.ErrorCode) ? $"HTTP {status}" : $"HTTP {status} {ex.ErrorCode}";
    }
}
