using ProvisioningBus.Core.Failures;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Core.DeadLetters;

/// <summary>How a change in an <c>_error</c> queue reads in the ledger, and so in <c>status</c> and <c>failures</c>.</summary>
public static class DeadLetterReason
{
    /// <summary>The ledger's error code for a change MassTransit moved to <c>_error</c>; a later success of the entity replaces it.</summary>
    public const string ErrorCode = "DEAD_LETTERED";

    /// <summary>Long exception messages (a stack of inner causes) would swamp the status page; the queue keeps the full text.</summary>
    private const int MaxLength = 500;

    /// <summary>
    /// The provisioning log's detail of the dead-lettered change: what the change was (or "apply" when its message does
    /// not say), the event it came from and the status of the call that failed last, when one answered.
    /// </summary>
    public static ChangeDetail Detail(ChangeSubject subject, Exception exception) =>
        new(subject.Action ?? "apply")
        {
            EventId = subject.EventId,
            Direction = subject.Inbound ? ProvisioningLogValues.Inbound : ProvisioningLogValues.Outbound,
            CallStatus = CallStatus.Of(exception),
        };

    /// <summary>
    /// The cause as the failure classifier names it (a Docusign or PingOne error code, else the exception type) and what
    /// to do about it: the replay command that picks out just this change.
    /// </summary>
    public static string Describe(string queue, Exception exception, ChangeSubject subject, string rule)
    {
        var failure = FailureClassifier.Classify(exception);
        var cause = $"{failure.ErrorCode}: {failure.Message}";
        if (cause.Length > MaxLength)
        {
            cause = cause[..MaxLength] + "…";
        }

        return $"In {queue}_error after its retries ({cause}). Once the cause is fixed: errors replay {queue} --rule {rule} --entity {subject.EntityId}";
    }
}
