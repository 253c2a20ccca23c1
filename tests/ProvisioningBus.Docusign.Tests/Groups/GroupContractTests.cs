using ProvisioningBus.Docusign;

namespace ProvisioningBus.Docusign.Tests.Groups;

public sealed class GroupContractTests
{
    [Fact]
    public async Task A_new_account_has_the_built_in_Administrators_and_Everyone_groups()
    {
        await using var context = await DocusignTestContext.StartAsync();

        var groups = await context.Client.ListGroupsAsync().ToListAsync();

        Assert.Contains(groups, g => g.GroupName == "Administrators" && g.Type == DocusignGroupType.Administrators && g.IsBuiltIn);
        Assert.Contains(groups, g => g.GroupName == "Everyone" && g.Type == DocusignGroupType.Everyone && g.IsBuiltIn);
        Assert.All(groups, g => Assert.NotNull(g.UsersCount));
    }

    [Fact]
    public async Task Groups_can_be_created_renamed_searched_and_deleted()
    {
        await using var context = await DocusignTestContext.StartAsync();
        var client = context.Client;

        var created = await client.CreateGroupsAsync(["Sales", "Legal", "Sales"]);

        Assert.True(created[0].Succeeded);
        Assert.True(created[1].Succeeded);
        Assert.False(created[2].Succeeded); // duplicate name: per-item error inside a 201
        Assert.Equal(DocusignGroupType.Custom, created[0].Group!.Type);
        Assert.Matches("^[0-9]+$", created[0].GroupId!);
        Assert.Equal(201, context.RestRequests().Single(r => r.Method == "POST").StatusCode);

        var renamed = await client.RenameGroupAsync(created[0].GroupId!, "Sales EMEA");
        Assert.True(renamed.Succeeded);
        Assert.Equal("Sales EMEA", context.State.FindGroup(created[0].GroupId!)!.GroupName);

        var found = await client.ListGroupsAsync(searchText: "emea").ToListAsync();
        Assert.Equal(created[0].GroupId, Assert.Single(found).GroupId);

        var deleted = await client.DeleteGroupsAsync([created[1].GroupId!, "424242"]);
        Assert.True(deleted[0].Succeeded);
        Assert.False(deleted[1].Succeeded);
        Assert.Null(context.State.FindGroup(created[1].GroupId!));
        var deleteBody = context.RestRequests().Single(r => r.Method == "DELETE").RequestBody!;
        Assert.DoesNotContain("groupName", deleteBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Built_in_groups_cannot_be_renamed_or_deleted()
    {
        await using var context = await DocusignTestContext.StartAsync();
        var everyone = context.State.FindGroupByName("Everyone")!;
        var administrators = context.State.FindGroupByName("Administrators")!;

        var renamed = await context.Client.RenameGroupAsync(everyone.GroupId, "All");
        var deleted = await context.Client.DeleteGroupsAsync([administrators.GroupId]);

        Assert.False(renamed.Succeeded);
        Assert.False(deleted[0].Succeeded);
        Assert.Equal("Everyone", context.State.FindGroup(everyone.GroupId)!.GroupName);
        Assert.NotNull(context.State.FindGroup(administrators.GroupId));
    }

    [Fact]
    public async Task Members_can_be_added_listed_over_pages_and_removed()
    {
        await using var context = await DocusignTestContext.StartAsync();
        var group = context.State.SeedGroup("Engineering");
        var users = Enumerable.Range(0, 130).Select(i => context.State.SeedUser($"Eng {i}", $"eng{i}@example.com")).ToList();
        var ghost = Guid.NewGuid().ToString();

        var added = await context.Client.AddGroupMembersAsync(group.GroupId, [.. users.Select(u => u.UserId), ghost]);

        Assert.Equal(131, added.Count);
        Assert.All(added.Take(130), r => Assert.True(r.Succeeded));
        Assert.False(added[130].Succeeded);
        Assert.Equal(130, context.State.GetGroupMemberIds(group.GroupId).Count);

        var members = await context.Client.ListGroupMembersAsync(group.GroupId).ToListAsync();
        Assert.Equal(users.Select(u => u.UserId).ToHashSet(), members.Select(m => m.UserId).ToHashSet());
        Assert.Equal(2, context.RestRequests().Count(r => r.Method == "GET" && r.Path.EndsWith("/users", StringComparison.Ordinal)));

        var removed = await context.Client.RemoveGroupMembersAsync(group.GroupId, [users[0].UserId, users[1].UserId]);
        Assert.All(removed, r => Assert.True(r.Succeeded));
        Assert.Equal(128, context.State.GetGroupMemberIds(group.GroupId).Count);
        Assert.DoesNotContain(users[0].UserId, context.State.GetGroupMemberIds(group.GroupId));

        var user = await context.Client.GetUserAsync(users[5].UserId);
        Assert.Contains(user!.Groups!, g => g.GroupId == group.GroupId);
    }

    [Fact]
    public async Task Membership_of_built_in_groups_cannot_be_changed()
    {
        await using var context = await DocusignTestContext.StartAsync();
        var everyone = context.State.FindGroupByName("Everyone")!;
        var user = context.State.SeedUser("Zed", "zed@example.com");

        var error = await Assert.ThrowsAsync<DocusignApiException>(() => context.Client.RemoveGroupMembersAsync(everyone.GroupId, [user.UserId]));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.ErrorCode));
        Assert.Contains(user.UserId, context.State.GetGroupMemberIds(everyone.GroupId));
    }
}
