using ProvisioningBus.Core.Failures;

namespace ProvisioningBus.Core.DeadLetters;

/// <summary>How a change in an <c>_error</c> queue reads in the ledger, and so in <c>status</c> and <c>failures</c>.</summary>
public static class DeadLetterReason
{
    /// <summary>The ledger's error code for a change MassTransit moved to <c>_error</c>; a later success of the entity replaces it.</summary>
    public const string ErrorCode = "DEAD_LETTERED";

    /// <summary>Long exception messages (a stack of inner causes) would swamp the status page; the queue keeps the full text.</summary>
    private const int MaxLength = 500;

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
