namespace Docusign.Emulator.OAuth;

internal enum AccessTokenCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
}
