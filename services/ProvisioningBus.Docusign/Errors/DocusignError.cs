namespace ProvisioningBus.Docusign;

/// <summary>A per-item error from a bulk call (errorDetails).</summary>
public sealed record DocusignError(string? ErrorCode, string? Message)
{
    internal static DocusignError? From(Api.ErrorDetails? details) =>
        details is null || (details.ErrorCode is null && details.Message is null) ? null : new DocusignError(details.ErrorCode, details.Message);
}
