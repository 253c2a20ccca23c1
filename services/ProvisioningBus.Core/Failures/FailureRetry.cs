using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ProvisioningBus.Core.Failures;

public static class FailureRetry
{
    /// <summary>
    /// Retries transient and authentication failures (an authentication failure is the connection's, so the same change
    /// succeeds once it is fixed). A permanent failure that reaches the policy, one its consumer did not record, would
    /// fail the same way on every attempt: it goes to <c>_error</c> at once.
    /// </summary>
    public static IRetryConfigurator SkipPermanentFailures(this IRetryConfigurator retry)
    {
        retry.Ignore<Exception>(exception => FailureClassifier.Classify(exception).IsPermanent);
        return retry;
    }

    /// <summary>
    /// Infrastructure faults wait instead of failing: short pauses first (a blip), then longer ones up to
    /// <see cref="RedeliveryOptions.Ceiling"/> (<see cref="RedeliverySchedule"/>); only then, or at once for a permanent
    /// failure, the change goes to <c>_error</c>.
    /// </summary>
    /// <remarks>
    /// In-process retry rather than MassTransit's delayed or scheduled redelivery: on RabbitMQ both need the
    /// delayed-exchange plugin (unmaintained, not on our brokers) or a scheduler (the in-memory one loses what it holds
    /// when the process dies; Quartz or Hangfire would be a second store). A change being retried stays unacknowledged
    /// on its quorum queue, so a worker that dies mid-wait loses nothing: RabbitMQ hands the change to another one.
    /// The price: a waiting change holds one of the endpoint's concurrency slots, which during an outage is the point.
    /// </remarks>
    public static void UseInfrastructureRetry(this IReceiveEndpointConfigurator endpoint, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RedeliveryOptions>>().Value;
        var intervals = RedeliverySchedule.Intervals(options, Random.Shared);
        endpoint.UseMessageRetry(retry => retry.SkipPermanentFailures().Intervals(intervals));
    }

    /// <summary>
    /// Stops the endpoint for <see cref="KillSwitchSettings.RestartTimeout"/> when too many of its changes gave up on an
    /// infrastructure fault, so an outage that outlasts the ceiling sends a handful of changes to <c>_error</c>, not the
    /// whole queue: stopping cancels the changes still waiting, which RabbitMQ then redelivers.
    /// </summary>
    /// <remarks>
    /// MassTransit reports a fault to the kill switch only once the retry policy gave up, so it counts changes past the
    /// ceiling, not attempts. A permanent failure is the message's, not the endpoint's, and does not count.
    /// </remarks>
    public static void UseFailureKillSwitch(this IReceiveEndpointConfigurator endpoint, IServiceProvider services)
    {
        var settings = services.GetRequiredService<IOptions<KillSwitchSettings>>().Value;
        endpoint.UseKillSwitch(killSwitch => killSwitch
            .SetTripThreshold(settings.TripThreshold)
            .SetActivationThreshold(settings.ActivationThreshold)
            .SetTrackingPeriod(settings.TrackingPeriod)
            .SetRestartTimeout(settings.RestartTimeout)
            .SetExceptionFilter(filter => filter.Handle<Exception>(exception => !FailureClassifier.Classify(exception).IsPermanent)));
    }
}
