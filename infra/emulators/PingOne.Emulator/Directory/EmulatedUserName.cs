namespace PingOne.Emulator.Directory;

/// <summary>PingOne's <c>name</c> object (subset).</summary>
public sealed record EmulatedUserName(string? Given = null, string? Family = null, string? Middle = null, string? Formatted = null);
