using ProvisioningBus.Contracts;
using ProvisioningBus.Inbound.Snapshots;
using ProvisioningBus.State.Inbound;

namespace ProvisioningBus.Inbound.Tests.Snapshots;

public sealed class SnapshotDifferTests
{
    private static SnapshotUser User(string id, string jobTitle = "Engineer")
    {
        var attributes = new DocusignUserAttributes { UserName = $"User {id}", Email = $"{id}@example.com", JobTitle = jobTitle, UserStatus = "Active" };
        return new SnapshotUser(id, SnapshotRows.Hash(attributes), attributes);
    }

    /// <summary>A user as the Admin API lists it: no job title.</summary>
    private static SnapshotUser Listed(string id, string userName)
    {
        var attributes = new DocusignUserAttributes { UserName = userName, Email = $"{id}@example.com", UserStatus = "Active" };
        return new SnapshotUser(id, SnapshotRows.Hash(attributes), attributes);
    }

    private static async IAsyncEnumerable<T> Stream<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    private static async Task<List<SnapshotDifference>> DiffAsync(IEnumerable<SnapshotUser> current, IEnumerable<SnapshotRow> previous, bool everyUser = false) =>
        await SnapshotDiffer.DiffAsync(Stream(current), Stream(previous), everyUser, CancellationToken.None).ToListAsync();

    [Fact]
    public async Task Both_streams_merge_into_appeared_changed_and_disappeared_users_and_the_writes_that_store_them()
    {
        SnapshotRow[] previous = [SnapshotRows.ToRow(User("a")), SnapshotRows.ToRow(User("b")), SnapshotRows.ToRow(User("d"))];
        SnapshotUser[] current = [User("a"), User("b", "Sales"), User("c")];

        var differences = await DiffAsync(current, previous);

        Assert.Equal(
            [("b", SnapshotDifferenceKind.Changed), ("c", SnapshotDifferenceKind.Appeared), ("d", SnapshotDifferenceKind.Disappeared)],
            differences.Select(d => (d.DocusignUserId, d.Kind)));
        Assert.Equal(
            [SnapshotWrite.Put(SnapshotRows.ToRow(User("b", "Sales"))), SnapshotWrite.Put(SnapshotRows.ToRow(User("c"))), SnapshotWrite.Remove("d")],
            differences.Select(SnapshotDiffer.Write));
    }

    [Fact]
    public async Task A_held_user_back_as_it_was_is_released_without_an_event_and_its_hold_is_cleared()
    {
        var heldBy = Guid.NewGuid();
        var held = SnapshotRows.MarkHeld(SnapshotRows.ToRow(User("a")), heldBy);

        var difference = Assert.Single(await DiffAsync([User("a")], [held]));

        Assert.Equal(SnapshotDifferenceKind.Released, difference.Kind);
        Assert.Equal(SnapshotWrite.Put(SnapshotRows.ToRow(User("a"))), SnapshotDiffer.Write(difference));
        Assert.Equal(SnapshotWrite.Put(held), SnapshotDiffer.Hold(difference with { Kind = SnapshotDifferenceKind.Disappeared, Current = null }, heldBy));
    }

    [Fact]
    public async Task A_full_resync_reports_equal_users_as_changed_but_writes_nothing_for_them()
    {
        var difference = Assert.Single(await DiffAsync([User("a")], [SnapshotRows.ToRow(User("a"))], everyUser: true));

        Assert.Equal(SnapshotDifferenceKind.Changed, difference.Kind);
        Assert.Null(SnapshotDiffer.Write(difference));
    }

    [Fact]
    public async Task An_incremental_diff_reports_only_listed_users_and_completes_them_from_the_stored_row()
    {
        SnapshotRow[] previous = [SnapshotRows.ToRow(User("a", "Architect")), SnapshotRows.ToRow(User("b")), SnapshotRows.ToRow(User("c")), SnapshotRows.ToRow(User("d"))];
        // Listed: a (renamed), b (listed, equal once completed), c (listed but gone or filtered out), e (new); d was not listed.
        SnapshotUser[] current = [Listed("a", "Ada"), Listed("b", "User b"), User("e")];
        var touched = new HashSet<string>(["a", "b", "c", "e"], SnapshotRow.IdOrder);

        var differences = await SnapshotDiffer.DiffModifiedAsync(Stream(current), Stream(previous), touched, SnapshotRows.WithStoredJobTitle, CancellationToken.None).ToListAsync();

        Assert.Equal(
            [("a", SnapshotDifferenceKind.Changed), ("c", SnapshotDifferenceKind.Disappeared), ("e", SnapshotDifferenceKind.Appeared)],
            differences.Select(d => (d.DocusignUserId, d.Kind)));
        Assert.Equal(("Ada", "Architect"), (differences[0].Current!.Attributes.UserName, differences[0].Current!.Attributes.JobTitle));
    }
}
