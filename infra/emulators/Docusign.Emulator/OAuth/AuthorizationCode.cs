namespace Docusign.Emulator.OAuth;

/// <summary>A code /oauth/auth issued: redeemable once, before it expires, with the verifier of its challenge.</summary>
internal sealed record AuthorizationCode(string ClientId, string RedirectUri, string? CodeChallenge, string? CodeChallengeMethod, string Scope, DateTimeOffset ExpiresAt);
