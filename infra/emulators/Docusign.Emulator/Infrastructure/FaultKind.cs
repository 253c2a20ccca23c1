namespace Docusign.Emulator.Infrastructure;

internal enum FaultKind
{
    None,
    ServerError,
    Timeout,
    DropConnection,
}
