using ProvisioningBus.Docusign;
using ProvisioningBus.PingOne;

namespace ProvisioningBus.Core.Failures;

/// <summary>The HTTP status a failed Docusign or PingOne call answered with, for the provisioning log.</summary>
public static class CallStatus
{
    /// <summary>Null when no call answered (no response, a refusal of our own, a per-item error of a bulk call that succeeded).</summary>
    public static int? Of(Exception failure) => failure switch
    {
        DocusignApiException { StatusCode: { } status } => (int)status,
        PingOneApiException { StatusCode: var status } when status != 0 => (int)status,
        _ => null,
    };
}
