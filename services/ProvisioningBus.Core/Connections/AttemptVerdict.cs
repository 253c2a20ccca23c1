namespace ProvisioningBus.Core.Connections;

/// <summary>What a change waiting for its connection does next.</summary>
public enum AttemptVerdict
{
    /// <summary>The connection is not quarantined, or its next try is due: go.</summary>
    Attempt,

    /// <summary>The connection stays quarantined past the change's hold limit: hand the change back to its queue.</summary>
    HandBack,
}
