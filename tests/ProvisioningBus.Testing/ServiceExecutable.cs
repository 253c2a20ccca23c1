namespace ProvisioningBus.Testing;

/// <summary>
/// Finds the built assembly of one of the repository's executables (a worker, the gateway, an emulator) so a test can
/// start it as its own OS process, the way a deployment runs it. Tests do not reference executables; the solution
/// build produces them, and one that is missing (a single test project built alone) is built here once.
/// </summary>
public static class ServiceExecutable
{
    private static readonly SemaphoreSlim BuildLock = new(1, 1);

    /// <summary>The repository root: the nearest folder above the test assembly that holds ProvisioningBus.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Release or Debug: whichever configuration this test assembly was built in.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The path of <c>{project}.dll</c>, where <paramref name="projectDirectory"/> is relative to the repository root (e.g. <c>services/ProvisioningBus.Worker</c>).</summary>
    public static async Task<string> LocateAsync(string projectDirectory, CancellationToken ct = default)
    {
        var directory = Path.Combine(RepositoryRoot, projectDirectory);
        var name = Path.GetFileName(projectDirectory);
        var dll = Path.Combine(directory, "bin", Configuration, "net10.0", name + ".dll");
        if (File.Exists(dll))
        {
            return dll;
        }

        await BuildLock.WaitAsync(ct);
        try
        {
            if (!File.Exists(dll))
            {
                await BuildAsync(Path.Combine(directory, name + ".csproj"), ct);
            }
        }
        finally
        {
            BuildLock.Release();
        }

        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Building {projectDirectory} produced no {dll}.");
    }

    // A build on two busy cores can take minutes; the default tool timeout is too short for it.
    private static Task<string> BuildAsync(string project, CancellationToken ct) =>
        ExternalCommand.RunAsync("dotnet", ["build", project, "-c", Configuration, "-nologo", "-clp:ErrorsOnly"], TimeSpan.FromMinutes(15), ct);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProvisioningBus.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ProvisioningBus.sln above {AppContext.BaseDirectory}.");
    }
}
