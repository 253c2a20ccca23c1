namespace Docusign.Emulator;

/// <summary>Docusign's <c>errorDetails</c>: an upper-case errorCode and a message.</summary>
public sealed record EmulatorError(string ErrorCode, string Message);
