using ProvisioningBus.Contracts;
using ProvisioningBus.Inbound.Snapshots;
using ProvisioningBus.State.Inbound;

namespace ProvisioningBus.Inbound.Tests.Snapshots;

public sealed class SnapshotSorterTests
{
    private static SnapshotUser User(string id, string? jobTitle = "Engineer") => new(
        id,
        $"hash-{id}",
        new DocusignUserAttributes { UserName = $"User {id}", Email = $"{id}@example.com", FirstName = null, LastName = "Ü-" + id, JobTitle = jobTitle, UserStatus = "Active" });

    [Fact]
    public void Users_spilled_in_several_runs_come_back_in_ordinal_id_order_with_every_attribute()
    {
        var users = Enumerable.Range(0, 2_345).Select(i => User(Guid.NewGuid().ToString(), i % 3 == 0 ? null : "Engineer")).ToList();
        using var sorter = new SnapshotSorter(runSize: 500);

        foreach (var user in users)
        {
            sorter.Add(user);
        }

        Assert.Equal(4, sorter.SpilledRuns);
        Assert.Equal(users.OrderBy(u => u.DocusignUserId, SnapshotRow.IdOrder), sorter.ReadOrdered());
        Assert.Equal(2_345, sorter.DistinctCount);
    }

    [Fact]
    public void A_user_listed_twice_across_runs_is_read_once_and_the_runs_can_be_read_again()
    {
        using var sorter = new SnapshotSorter(runSize: 2);
        foreach (var id in new[] { "b", "a", "B", "a", "_x", "b" })
        {
            sorter.Add(User(id));
        }

        string[] expected = ["B", "_x", "a", "b"];
        Assert.Equal(expected, sorter.ReadOrdered().Select(u => u.DocusignUserId));
        Assert.Equal(expected, sorter.ReadOrdered().Select(u => u.DocusignUserId));
        Assert.Equal(4, sorter.DistinctCount);
        Assert.Equal(6, sorter.Count);
    }

    [Fact]
    public void Disposing_the_sorter_removes_its_spilled_runs()
    {
        var directory = Directory.CreateTempSubdirectory("snapshot-sorter-test-");
        try
        {
            using (var sorter = new SnapshotSorter(runSize: 10, directory.FullName))
            {
                for (var i = 0; i < 35; i++)
                {
                    sorter.Add(User($"u{i:D3}"));
                }

                Assert.NotEmpty(directory.EnumerateFiles("*", SearchOption.AllDirectories));
            }

            Assert.Empty(directory.EnumerateFileSystemInfos());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
