using System.Net;

namespace ProvisioningBus.Docusign;

/// <summary>The OAuth token endpoint refused or could not be reached. Never carries the token or the secret.</summary>
public sealed class DocusignAuthenticationException : DocusignApiException
{
    public DocusignAuthenticationException()
    {
    }

    public DocusignAuthenticationException(string message)
        : base(message)
    {
    }

    public DocusignAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DocusignAuthenticationException(
        DocusignAuthenticationFailure failure,
        HttpStatusCode? statusCode,
        string? error,
        string? description,
        string path,
        Exception? innerException = null)
        : base(statusCode, error, description, "POST", path, innerException)
    {
        Failure = failure;
    }

    public DocusignAuthenticationFailure Failure { get; }
}
