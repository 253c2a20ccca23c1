namespace ProvisioningBus.Operations.Tests.Infrastructure;

/// <summary>A SQLite file of one test's own, removed afterwards.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"provisioningbus-ops-{Guid.NewGuid():N}.db");

    /// <summary>An empty file, as a store the workers created: the CLI reads stores, it never creates one.</summary>
    public TemporaryDatabase() => File.Create(Path).Dispose();

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path) + "*"))
        {
            File.Delete(file);
        }
    }
}
