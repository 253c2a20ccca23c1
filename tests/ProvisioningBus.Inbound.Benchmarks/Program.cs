using System.Diagnostics;
using System.Globalization;
using Docusign.Emulator;
using Microsoft.Extensions.DependencyInjection;
using ProvisioningBus.Docusign;
using ProvisioningBus.Inbound.Benchmarks;
using ProvisioningBus.Inbound.Snapshots;
using ProvisioningBus.State;
using ProvisioningBus.State.Hosting;

// Usage: dotnet run -c Release --project tests/ProvisioningBus.Inbound.Benchmarks [-- 10000 100000]
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000, 100_000];
const string Rule = "benchmark";
Console.WriteLine($"Inbound snapshot benchmark ({Environment.ProcessorCount} cores, {RuntimeInformationText()})");
Console.WriteLine("Each poll: 1% of users changed, 0.5% disappeared, 0.5% appeared; previous snapshot in SQLite (WAL, temp file).");
Console.WriteLine();
Console.WriteLine("| users | list+hash+sort | merge-diff | store snapshot | diff+store total | differences | peak managed heap | process peak WS after diff | Docusign GET /users calls | expected ceil(n/100) | listing time |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

foreach (var size in sizes)
{
    var path = Path.Combine(Path.GetTempPath(), $"inbound-benchmark-{Guid.NewGuid():N}.db");
    await using (var store = ProvisioningStore.Create(new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = $"Data Source={path}" }, TimeProvider.System))
    {
        await store.EnsureSchemaAsync(CancellationToken.None);
        var previous = Users(size, generation: 0);
        var stored = SnapshotDiffer.Order(previous.Select(SnapshotRows.FromDocusign).ToList());
        await store.InboundSnapshots.ReplaceAsync(Rule, SnapshotDiffer.NextSnapshot(stored, [], Guid.Empty), CancellationToken.None);
        stored.Clear();
        var now = Users(size, generation: 1);
        previous.Clear();

        TimeSpan take, diff, save;
        long differences = 0;
        long peak;
        await using (var memory = new MemorySampler())
        {
            var watch = Stopwatch.StartNew();
            // As the runner does: the listing arrives in Docusign's order (creation), is hashed, then sorted by id.
            var current = SnapshotDiffer.Order(now.Select(SnapshotRows.FromDocusign).ToList());
            now.Clear();
            take = watch.Elapsed;
            watch.Restart();
            await foreach (var difference in SnapshotDiffer.DiffAsync(current, store.InboundSnapshots.ReadOrderedAsync(Rule, CancellationToken.None), everyUser: false, CancellationToken.None))
            {
                differences++;
                if (difference.Kind != SnapshotDifferenceKind.Appeared)
                {
                    // Building the event reads the previous attributes back, as publishing does.
                    _ = SnapshotRows.ReadAttributes(difference.Previous!);
                }
            }

            diff = watch.Elapsed;
            watch.Restart();
            await store.InboundSnapshots.ReplaceAsync(Rule, SnapshotDiffer.NextSnapshot(current, [], Guid.Empty), CancellationToken.None);
            save = watch.Elapsed;
            memory.Sample();
            peak = memory.PeakAboveBaseline;
            GC.KeepAlive(current);
        }

        var workingSet = MemorySampler.ProcessPeakWorkingSet;
        var (calls, listing) = await CountDocusignCallsAsync(size);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {size:N0} | {Ms(take)} | {Ms(diff)} | {Ms(save)} | {Ms(take + diff + save)} | {differences:N0} | {peak / 1048576.0:0.0} MiB | {workingSet / 1048576.0:0} MiB | {calls:N0} | {(size + 99) / 100:N0} | {Ms(listing)} |"));
    }

    foreach (var file in new[] { path, path + "-wal", path + "-shm" })
    {
        File.Delete(file);
    }
}

static string Ms(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:N0} ms");

static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

// Users of one poll: generation 1 changes 1%, drops 0.5% and adds 0.5% relative to generation 0.
static List<DocusignUser> Users(int size, int generation)
{
    var users = new List<DocusignUser>(size + size / 200);
    for (var i = 0; i < size; i++)
    {
        if (generation == 1 && i % 200 == 7)
        {
            continue;
        }

        var changed = generation == 1 && i % 100 == 3;
        users.Add(User(i, changed ? "Principal Engineer" : "Engineer"));
    }

    if (generation == 1)
    {
        for (var i = size; i < size + size / 200; i++)
        {
            users.Add(User(i, "Engineer"));
        }
    }

    return users;
}

static DocusignUser User(int i, string title) => new()
{
    // Docusign userIds are GUIDs; derived from the index so both generations agree.
    UserId = new Guid(i, (short)(i >> 16), 0x4abc, 0x9d, 0x1e, 0x5f, 0x3a, 0x4e, 0x7b, 0x9c, 0x2d).ToString(),
    UserName = $"User {i:D6}",
    Email = $"user{i:D6}@example.com",
    FirstName = "User",
    LastName = i.ToString("D6", CultureInfo.InvariantCulture),
    JobTitle = title,
    Status = DocusignUserStatus.Active,
    StatusText = "Active",
};

// One poll's listing through the real client against the emulator; the emulator's request log counts the calls.
static async Task<(int Calls, TimeSpan Elapsed)> CountDocusignCallsAsync(int size)
{
    await using var emulator = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions { HourlyLimit = 1_000_000, BurstLimit = 1_000_000 });
    for (var i = 1; i < size; i++)
    {
        // The account's administrator is user number one.
        emulator.State.SeedUser($"User {i:D6}", $"user{i:D6}@example.com", "User", i.ToString("D6", CultureInfo.InvariantCulture), "Engineer");
    }

    var services = new ServiceCollection().AddLogging().AddDocusignConnection("benchmark", new DocusignConnectionOptions
    {
        ServiceUri = emulator.BaseUri,
        TokenEndpoint = emulator.TokenEndpoint,
        AccountId = emulator.AccountId,
        ClientId = emulator.Options.ClientId,
        ClientSecret = emulator.Options.ClientSecret,
        RefreshToken = emulator.Options.InitialRefreshToken,
    });
    await using var provider = services.BuildServiceProvider();
    var client = provider.GetRequiredService<IDocusignClientProvider>().Get("benchmark");
    emulator.State.ClearRequests();
    var watch = Stopwatch.StartNew();
    var listed = 0;
    await foreach (var _ in client.ListUsersAsync())
    {
        listed++;
    }

    var elapsed = watch.Elapsed;
    if (listed != size)
    {
        throw new InvalidOperationException($"Listed {listed} users of {size}.");
    }

    var calls = emulator.State.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/users", StringComparison.Ordinal));
    return (calls, elapsed);
}
