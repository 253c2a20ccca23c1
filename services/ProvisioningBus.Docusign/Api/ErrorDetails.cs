namespace ProvisioningBus.Docusign.Api;

/// <summary>Spec <c>errorDetails</c>: the whole body of a failed call, and the per-item error in bulk responses.</summary>
public sealed class ErrorDetails
{
    public string? ErrorCode { get; set; }
    public string? Message { get; set; }
}
