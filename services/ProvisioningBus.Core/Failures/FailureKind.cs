namespace ProvisioningBus.Core.Failures;

/// <summary>What a failure means for the message that met it; <see cref="FailureClassifier"/> decides.</summary>
public enum FailureKind
{
    /// <summary>Nobody's fault for long (an outage, a limit, contention): retried, then kept in <c>_error</c> for replay.</summary>
    Transient,

    /// <summary>This entity cannot be applied as it is (the target's validation refused it): recorded as its failure, acknowledged.</summary>
    Permanent,

    /// <summary>
    /// The connection's credential or its rights failed, not the entity: never acknowledged as done nor recorded as the
    /// entity's failure; retried like <see cref="Transient"/> and reported as a connection problem.
    /// </summary>
    Authentication,
}
