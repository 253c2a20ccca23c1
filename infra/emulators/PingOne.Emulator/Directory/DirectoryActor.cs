namespace PingOne.Emulator.Directory;

/// <summary>Who made a change: becomes the event's <c>actors</c>. A worker app has no <see cref="UserName"/>.</summary>
public sealed record DirectoryActor(string ClientId, string ClientName, string? UserId = null, string? UserName = null);
