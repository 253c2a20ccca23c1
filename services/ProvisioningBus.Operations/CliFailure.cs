using System.Data.Common;
using Microsoft.Extensions.Options;
using ProvisioningBus.Docusign;
using ProvisioningBus.State.Secrets;

namespace ProvisioningBus.Operations;

/// <summary>Turns the exceptions an operator can cause into one line and an exit code; anything else is a bug and keeps its trace.</summary>
public sealed record CliFailure(string Message, int ExitCode)
{
    public static CliFailure? Describe(Exception exception) => exception switch
    {
        FileNotFoundException missing => new($"Configuration file not found: {missing.FileName ?? missing.Message}", ExitCodes.InvalidConfiguration),
        InvalidDataException bad => new($"Configuration file is not valid JSON: {bad.Message}", ExitCodes.InvalidConfiguration),
        OptionsValidationException invalid => new($"Invalid configuration: {string.Join(" ", invalid.Failures)}", ExitCodes.InvalidConfiguration),
        Connect.ConnectionNotConfiguredException missing => new(missing.Message, ExitCodes.NotFound),
        DocusignAuthenticationException refused => new($"Docusign refused: {refused.ErrorCode ?? refused.Failure.ToString()}: {refused.ErrorMessage}", ExitCodes.RemoteFailure),
        PingOne.PingOneApiException pingOne => new($"PingOne refused: {pingOne.Message}", ExitCodes.RemoteFailure),
        HttpRequestException unreachable => new($"A remote service did not answer: {unreachable.Message}", ExitCodes.RemoteFailure),
        StoreNotConfiguredException notConfigured => new(notConfigured.Message, ExitCodes.InvalidConfiguration),
        StoredSecretUnreadableException unreadable => new(unreadable.Message, ExitCodes.InvalidConfiguration),
        DbException db => new($"State store failed: {db.Message}", ExitCodes.RemoteFailure),
        InvalidOperationException { InnerException: DbException } unreachable => new(unreachable.Message, ExitCodes.RemoteFailure),
        InvalidOperationException invalid => new(invalid.Message, ExitCodes.InvalidConfiguration),
        _ => null,
    };
}
