using MassTransit;

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
}
