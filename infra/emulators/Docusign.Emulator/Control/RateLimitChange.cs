namespace Docusign.Emulator.Control;

/// <summary>Body of <c>POST /_emulator/rate-limits</c>; null keeps the current value.</summary>
public sealed record RateLimitChange(int? HourlyLimit, int? BurstLimit, int? StatusCode);
