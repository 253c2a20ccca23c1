using Microsoft.Extensions.Logging;

namespace ProvisioningBus.Core.Failures;

/// <summary>
/// Waits out infrastructure faults around one piece of work, on the pauses of <see cref="RedeliverySchedule"/> up to
/// <see cref="RedeliveryOptions.Ceiling"/>, then lets the last fault through. For a MassTransit batch consumer: a retry
/// filter on its endpoint retries the batch's messages one by one through the batch collector, and after a store outage
/// one worker process was seen holding its share of a batch unacknowledged and never applying it; retrying the batch
/// here keeps the whole batch in one piece and in one place.
/// </summary>
public static class InfrastructureRetry
{
    public static async Task RunAsync(Func<CancellationToken, Task> work, RedeliveryOptions options, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var pauses = RedeliverySchedule.Intervals(options, Random.Shared);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await work(ct);
                return;
            }
            catch (Exception failure) when (!ct.IsCancellationRequested && attempt < pauses.Length && !FailureClassifier.Classify(failure).IsPermanent)
            {
                logger.LogWarning("Infrastructure fault ({Error}: {Message}); attempt {Attempt} again in {Pause}", failure.GetType().Name, failure.Message, attempt + 2, pauses[attempt]);
                await Task.Delay(pauses[attempt], time, ct);
            }
        }
    }
}
