namespace PingOne.Emulator.Auth;

/// <summary>An access token the emulator handed out, and to whom.</summary>
internal sealed record IssuedToken(string ClientId, DateTimeOffset ExpiresAt);
