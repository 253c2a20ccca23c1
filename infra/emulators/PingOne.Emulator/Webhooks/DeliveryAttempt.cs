namespace PingOne.Emulator.Webhooks;

/// <summary>One POST of a batch to a subscription's endpoint.</summary>
/// <param name="StatusCode">The HTTP status, or null when no response came (connection refused, timeout).</param>
public sealed record DeliveryAttempt(DateTimeOffset At, int EventCount, string FirstEventId, int? StatusCode, bool Accepted);
