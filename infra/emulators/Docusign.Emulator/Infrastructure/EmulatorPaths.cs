namespace Docusign.Emulator.Infrastructure;

internal static class EmulatorPaths
{
    /// <summary>The inspection/control surface; no Docusign path starts with an underscore.</summary>
    public const string Control = "/_emulator";

    public const string RestRoot = "/restapi";

    public const string AccountsPrefix = "/restapi/v2.1/accounts/";

    public static bool IsControl(PathString path) => path.StartsWithSegments(Control, StringComparison.OrdinalIgnoreCase);

    public static bool IsRest(PathString path) => path.StartsWithSegments(RestRoot, StringComparison.OrdinalIgnoreCase);
}
