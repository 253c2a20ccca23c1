using System.Text.Json;
using Docusign.Emulator;
using PingOne.Emulator;
using ProvisioningBus.Operations;
using ProvisioningBus.Docusign;
using ProvisioningBus.Inbound.Snapshots;
using ProvisioningBus.Operations.Tests.Infrastructure;
using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Users;
using EmulatedUserName = PingOne.Emulator.Directory.EmulatedUserName;

namespace ProvisioningBus.Operations.Tests.Cli;

public sealed class DryRunCommandTests
{
    [Fact]
    public async Task Dry_run_of_an_outbound_rule_lists_creates_updates_and_out_of_scope_closes_and_writes_nothing()
    {
        await using var pingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var directory = pingOne.State;
        var alice = directory.CreateUser("alice", "alice@example.com", new EmulatedUserName("Alice", "New"), title: "Engineer");
        var bob = directory.CreateUser("bob", "bob@example.com", new EmulatedUserName("Bob", "New"), title: "Engineer");
        var carol = directory.CreateUser("carol", "carol@example.com", new EmulatedUserName("Carol", "Married"), title: "Engineer");
        var erin = directory.CreateUser("erin", "erin@example.com", new EmulatedUserName("Erin", "Same"), title: "Engineer");
        var dave = directory.CreateUser("dave", "dave@example.com", new EmulatedUserName("Dave", "Moved"), title: "Sales");
        var carolInDocusign = docusign.State.SeedUser("Carol Maiden", "carol@example.com", "Carol", "Maiden", "Engineer");
        var erinInDocusign = docusign.State.SeedUser("Erin Same", "erin@example.com", "Erin", "Same", "Engineer");
        var daveInDocusign = docusign.State.SeedUser("Dave Moved", "dave@example.com", "Dave", "Moved", "Sales");
        using (var seeded = await SeededStore.OpenAsync(database))
        {
            foreach (var (user, docusignUserId) in new[] { (carol, carolInDocusign.UserId), (erin, erinInDocusign.UserId), (dave, daveInDocusign.UserId) })
            {
                await seeded.Store().UserLinks.UpsertAsync(new UserLink("people", user.Id, docusignUserId, user.Email!, "applied-earlier", user.UpdatedAt, DateTimeOffset.UtcNow), CancellationToken.None);
            }

            await seeded.StopAsync();
        }

        var settings = WithPingOne(Settings.For(docusign, database), pingOne);
        settings["Outbound:Rules:people:Scope:Conditions:0:Attribute"] = "title";
        settings["Outbound:Rules:people:Scope:Conditions:0:Value"] = "Engineer";
        // One close of three linked users is 33 %: the guard lets it go here, and holds it below.
        settings["Outbound:Rules:people:MassDeletionGuard:MaxDeletionPercent"] = "50";
        var pingOneBefore = JsonSerializer.Serialize(directory.Users());
        var activitiesBefore = pingOne.Activities.LastSequence;
        var docusignBefore = JsonSerializer.Serialize(docusign.State.Users);
        docusign.State.ClearRequests();

        var run = await CliRun.InvokeAsync(settings, "dry-run", "people", "--json");
        var table = await CliRun.InvokeAsync(settings, "dry-run", "people");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var report = JsonDocument.Parse(run.Output);
        var counts = report.RootElement.GetProperty("counts");
        Assert.Equal((2, 1, 1, 1), (counts.GetProperty("create").GetInt32(), counts.GetProperty("update").GetInt32(), counts.GetProperty("close").GetInt32(), counts.GetProperty("unchanged").GetInt32()));
        var entities = report.RootElement.GetProperty("entities").EnumerateArray()
            .ToDictionary(entity => entity.GetProperty("sourceId").GetString()!, entity => entity);
        Assert.Equal(new[] { alice.Id, bob.Id, carol.Id, dave.Id }.Order(StringComparer.Ordinal), entities.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("create", entities[alice.Id].GetProperty("action").GetString());
        Assert.Equal("create", entities[bob.Id].GetProperty("action").GetString());
        Assert.Equal("close", entities[dave.Id].GetProperty("action").GetString());
        Assert.Equal(daveInDocusign.UserId, entities[dave.Id].GetProperty("targetId").GetString());
        var carolEntity = entities[carol.Id];
        Assert.Equal("update", carolEntity.GetProperty("action").GetString());
        var changes = carolEntity.GetProperty("changes").EnumerateArray()
            .Select(change => (change.GetProperty("attribute").GetString(), change.GetProperty("from").GetString(), change.GetProperty("to").GetString()))
            .ToList();
        Assert.Equal([("userName", "Carol Maiden", "Carol Married"), ("lastName", "Maiden", "Married")], changes);
        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Contains("Carol Married", table.Output, StringComparison.Ordinal);
        Assert.Contains("Mass-deletion guard: 1 deletion(s) of 3 provisioned users would go.", table.Output, StringComparison.Ordinal);

        // The resync's own guard, asked by the dry run: with a lower threshold the close is shown held.
        settings["Outbound:Rules:people:MassDeletionGuard:MaxDeletionPercent"] = "25";
        var guarded = await CliRun.InvokeAsync(settings, "dry-run", "people", "--json");
        using var guardedReport = JsonDocument.Parse(guarded.Output);
        var guardedCounts = guardedReport.RootElement.GetProperty("counts");
        Assert.Equal((0, 1), (guardedCounts.GetProperty("close").GetInt32(), guardedCounts.GetProperty("heldCloses").GetInt32()));
        Assert.Contains("would close 1 of 3 provisioned Docusign users", guardedReport.RootElement.GetProperty("guard").GetProperty("reason").GetString(), StringComparison.Ordinal);

        var writes = docusign.State.Requests.Where(request => request.Method != "GET" && !request.Path.StartsWith("/oauth", StringComparison.Ordinal)).ToList();
        Assert.True(writes.Count == 0, $"the dry run wrote to Docusign: {string.Join(", ", writes.Select(w => $"{w.Method} {w.Path}"))}");
        Assert.Contains(docusign.State.Requests, request => request.Method == "GET" && request.Path.EndsWith("/users", StringComparison.Ordinal));
        Assert.Equal(docusignBefore, JsonSerializer.Serialize(docusign.State.Users));
        Assert.Equal(pingOneBefore, JsonSerializer.Serialize(directory.Users()));
        Assert.Equal(activitiesBefore, pingOne.Activities.LastSequence);
        using var after = await SeededStore.OpenAsync(database);
        var link = await after.Store().UserLinks.GetAsync("people", dave.Id, CancellationToken.None);
        Assert.True(link is not null, "the out-of-scope user's link is kept");
        Assert.Null(await after.Store().UserLinks.GetAsync("people", alice.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Dry_run_of_an_inbound_rule_lists_appeared_changed_and_disappeared_users_with_the_guard_verdict_and_writes_nothing()
    {
        await using var pingOne = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var directory = pingOne.State;
        var links = new List<InboundLink>();
        var snapshot = new List<SnapshotUser>();

        // Every user Docusign already holds (the account's admin) was provisioned by an earlier sync and is unchanged.
        foreach (var existing in docusign.State.Users)
        {
            var twin = directory.CreateUser(existing.UserName, existing.Email, new EmulatedUserName(existing.FirstName, existing.LastName), existing.JobTitle, externalId: existing.UserId);
            links.Add(new InboundLink("back", existing.UserId, twin.Id, DateTimeOffset.UtcNow));
            snapshot.Add(Snapshot(existing));
        }

        var changer = docusign.State.SeedUser("changer", "changer@example.com", "Chan", "Ger", "Director");
        var changerTwin = directory.CreateUser("changer", "changer@example.com", new EmulatedUserName("Chan", "Ger"), "Analyst", externalId: changer.UserId);
        links.Add(new InboundLink("back", changer.UserId, changerTwin.Id, DateTimeOffset.UtcNow));
        snapshot.Add(Snapshot(changer with { JobTitle = "Analyst" }));

        var goneTwin = directory.CreateUser("gone", "gone@example.com", new EmulatedUserName("Gone", "Away"), externalId: "docusign-user-gone");
        links.Add(new InboundLink("back", "docusign-user-gone", goneTwin.Id, DateTimeOffset.UtcNow));
        snapshot.Add(new SnapshotUser("docusign-user-gone", "gone-hash", new Contracts.DocusignUserAttributes { UserName = "gone", Email = "gone@example.com", UserStatus = "Active" }));

        var newbie = docusign.State.SeedUser("newbie", "newbie@example.com", "New", "Bie", "Intern");

        using (var seeded = await SeededStore.OpenAsync(database))
        {
            foreach (var link in links)
            {
                await seeded.Store().InboundLinks.UpsertAsync(link, CancellationToken.None);
            }

            await seeded.Store().InboundSnapshots.ReplaceAsync("back", Rows(SnapshotDiffer.Order(snapshot)), CancellationToken.None);
            await seeded.StopAsync();
        }

        var settings = WithPingOne(Settings.For(docusign, database), pingOne);
        settings["Inbound:Rules:back:SourceConnection"] = "demo";
        settings["Inbound:Rules:back:TargetEnvironmentId"] = pingOne.EnvironmentId;
        settings["Inbound:Rules:back:MassDeletionGuard:MaxDeletionPercent"] = "10";
        var pingOneBefore = JsonSerializer.Serialize(directory.Users());
        var activitiesBefore = pingOne.Activities.LastSequence;
        docusign.State.ClearRequests();

        var run = await CliRun.InvokeAsync(settings, "dry-run", "back", "--json");
        var table = await CliRun.InvokeAsync(settings, "dry-run", "back");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var report = JsonDocument.Parse(run.Output);
        var root = report.RootElement;
        Assert.Equal("inbound", root.GetProperty("direction").GetString());
        var counts = root.GetProperty("counts");
        Assert.Equal((1, 1, 1), (counts.GetProperty("appeared").GetInt32(), counts.GetProperty("changed").GetInt32(), counts.GetProperty("disappeared").GetInt32()));
        Assert.Equal((1, 1, 0, 1), (counts.GetProperty("create").GetInt32(), counts.GetProperty("update").GetInt32(), counts.GetProperty("delete").GetInt32(), counts.GetProperty("heldDeletions").GetInt32()));
        Assert.Equal(snapshot.Count - 2, counts.GetProperty("unchanged").GetInt32());

        var entities = root.GetProperty("entities").EnumerateArray().ToDictionary(entity => entity.GetProperty("sourceId").GetString()!, entity => entity);
        Assert.Equal(3, entities.Count);
        Assert.Equal("create", entities[newbie.UserId].GetProperty("action").GetString());
        var update = entities[changer.UserId];
        Assert.Equal(("update", changerTwin.Id), (update.GetProperty("action").GetString(), update.GetProperty("targetId").GetString()));
        var change = Assert.Single(update.GetProperty("changes").EnumerateArray());
        Assert.Equal(("title", "Analyst", "Director"), (change.GetProperty("attribute").GetString(), change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
        var deletion = entities["docusign-user-gone"];
        Assert.Equal(("delete", goneTwin.Id, true), (deletion.GetProperty("action").GetString(), deletion.GetProperty("targetId").GetString(), deletion.GetProperty("heldByGuard").GetBoolean()));
        var guard = root.GetProperty("guard");
        Assert.True(guard.GetProperty("holds").GetBoolean());
        Assert.Equal((1, links.Count), (guard.GetProperty("deletions").GetInt32(), guard.GetProperty("provisioned").GetInt32()));
        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Contains("Mass-deletion guard: would hold 1 deletion", table.Output, StringComparison.Ordinal);

        Assert.Equal(pingOneBefore, JsonSerializer.Serialize(directory.Users()));
        Assert.Equal(activitiesBefore, pingOne.Activities.LastSequence);
        Assert.DoesNotContain(docusign.State.Requests, request => request.Method != "GET" && !request.Path.StartsWith("/oauth", StringComparison.Ordinal));
        using var after = await SeededStore.OpenAsync(database);
        Assert.Equal(snapshot.Count, await after.Store().InboundSnapshots.CountAsync("back", CancellationToken.None));
        var stored = new List<SnapshotRow>();
        await foreach (var row in after.Store().InboundSnapshots.ReadOrderedAsync("back", CancellationToken.None))
        {
            stored.Add(row);
        }

        Assert.Equal(snapshot.Select(SnapshotRows.ToRow), stored);
        Assert.Null(await after.Store().SyncRuns.GetLatestAsync("back", CancellationToken.None));
    }

    [Fact]
    public async Task Dry_run_of_an_unknown_rule_exits_not_found_and_of_an_invalid_rule_exits_invalid_configuration()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        var settings = Settings.For(docusign, database);

        var unknown = await CliRun.InvokeAsync(settings, "dry-run", "nobody");
        settings["Outbound:Rules:people:TargetConnection"] = "missing";
        var invalid = await CliRun.InvokeAsync(settings, "dry-run", "people");

        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.Contains("nobody", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidConfiguration, invalid.ExitCode);
        Assert.Contains("missing", invalid.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(docusign.State.Requests, request => request.Path.StartsWith("/restapi", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> WithPingOne(Dictionary<string, string?> settings, PingOneEmulator pingOne) =>
        Settings.WithPingOne(settings, pingOne);

    private static SnapshotUser Snapshot(EmulatedUser user) => SnapshotRows.FromDocusign(new DocusignUser
    {
        UserId = user.UserId,
        UserName = user.UserName,
        Email = user.Email,
        FirstName = user.FirstName,
        LastName = user.LastName,
        JobTitle = user.JobTitle,
        Status = DocusignUserStatuses.Parse(user.UserStatus),
        StatusText = user.UserStatus,
    });

    private static async IAsyncEnumerable<SnapshotRow> Rows(IEnumerable<SnapshotUser> users)
    {
        foreach (var user in users)
        {
            yield return SnapshotRows.ToRow(user);
        }

        await Task.CompletedTask;
    }
}
