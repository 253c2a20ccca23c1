namespace Docusign.Emulator.Infrastructure;

/// <summary>Whether a REST call is admitted, and the values of the X-RateLimit-* / X-BurstLimit-* headers.</summary>
internal sealed record RateLimitDecision(
    EmulatorError? Error,
    int ErrorStatusCode,
    int HourlyLimit,
    int HourlyRemaining,
    long ResetEpochSeconds,
    int BurstLimit,
    int BurstRemaining);
