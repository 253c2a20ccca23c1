namespace Docusign.Emulator.OAuth;

/// <summary>Result of a token-endpoint call: a token pair or an OAuth error with its HTTP status.</summary>
internal sealed record TokenOutcome(string? AccessToken, string? RefreshToken, int ExpiresIn, string? Error, string? ErrorDescription, int StatusCode)
{
    public static TokenOutcome Issued(string accessToken, string? refreshToken, int expiresIn) =>
        new(accessToken, refreshToken, expiresIn, null, null, 200);

    public static TokenOutcome Fail(string error, string description, int statusCode) =>
        new(null, null, 0, error, description, statusCode);
}
