namespace Docusign.Emulator;

/// <summary>
/// One request the emulator answered. Bodies are kept for <c>/restapi</c> calls only (never for <c>/oauth</c>, whose
/// bodies carry secrets). <see cref="StatusCode"/> 0 means the connection was dropped.
/// </summary>
public sealed record EmulatorRequestRecord(
    long Sequence,
    DateTimeOffset Timestamp,
    string Method,
    string Path,
    string? Query,
    int StatusCode,
    string? RequestBody,
    string? ResponseBody,
    string? ResponseContentType);
