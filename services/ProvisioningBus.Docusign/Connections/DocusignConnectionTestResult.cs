namespace ProvisioningBus.Docusign;

/// <summary>Result of Test Connection. Messages name what failed and never contain secrets or tokens.</summary>
public sealed record DocusignConnectionTestResult(string ConnectionName, DocusignConnectionTestOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome == DocusignConnectionTestOutcome.Succeeded;

    public string? AccountName { get; init; }

    /// <summary>The consenting user's email (from /oauth/userinfo).</summary>
    public string? UserEmail { get; init; }

    /// <summary>The account's base_uri from userinfo, when it differs from the configured ServiceUri.</summary>
    public string? BaseUriMismatch { get; init; }

    /// <summary>HTTP status and errorCode of the failing call, when there was one.</summary>
    public int? StatusCode { get; init; }

    public string? ErrorCode { get; init; }
}
