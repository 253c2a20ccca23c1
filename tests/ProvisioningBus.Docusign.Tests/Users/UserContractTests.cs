using ProvisioningBus.Docusign;

namespace ProvisioningBus.Docusign.Tests.Users;

public sealed class UserContractTests
{
    [Fact]
    public async Task Creating_users_returns_per_item_results_and_a_duplicate_is_reported_as_already_existing()
    {
        await using var context = await DocusignTestContext.StartAsync();
        var client = context.Client;

        var first = await client.CreateUsersAsync(
        [
            new NewDocusignUser("Claire Horace", "claire@example.com") { FirstName = "Claire", LastName = "Horace", JobTitle = "Counsel" },
            new NewDocusignUser("Tal Mason", "talmason@example.com"),
        ]);

        Assert.All(first, r => Assert.True(r.Succeeded));
        Assert.All(first, r => Assert.Equal(DocusignUserStatus.ActivationSent, r.Status));
        Assert.All(first, r => Assert.False(string.IsNullOrEmpty(r.UserId)));

        var second = await client.CreateUsersAsync(
        [
            new NewDocusignUser("Claire Horace", "claire@example.com"),
            new NewDocusignUser("New Person", "new.person@example.com"),
        ]);

        Assert.True(second[0].AlreadyExists);
        Assert.Equal(first[0].UserId, second[0].UserId);
        Assert.True(second[1].Succeeded);

        // Both calls were 201 Created: per-item errors live inside a successful bulk answer.
        Assert.All(context.RestRequests().Where(r => r.Method == "POST"), r => Assert.Equal(201, r.StatusCode));

        var stored = context.State.FindUser(first[0].UserId!);
        Assert.NotNull(stored);
        Assert.Equal("Claire", stored.FirstName);
        Assert.Equal("Horace", stored.LastName);
        Assert.Equal("Counsel", stored.JobTitle);
        Assert.Equal("ActivationSent", stored.UserStatus);
    }

    [Fact]
    public async Task Optional_attributes_and_a_permission_profile_named_are_stored_and_read_back_and_an_unknown_name_fails_only_its_user()
    {
        await using var context = await DocusignTestContext.StartAsync();
        var client = context.Client;

        var created = await client.CreateUsersAsync(
        [
            new NewDocusignUser("Ada King", "ada.king@example.com") { MiddleName = "Byron", SuffixName = "Jr.", Title = "Dr.", Company = "Analytical", PermissionProfileName = "docusign viewer" },
            new NewDocusignUser("Nope Person", "nope@example.com") { PermissionProfileName = "Auditors" },
        ]);
        var updated = await client.UpdateUsersAsync([new DocusignUserUpdate(created[0].UserId!) { MiddleName = "", SuffixName = "III", PermissionProfileName = "DocuSign Sender" }]);
        var read = await client.GetUserAsync(created[0].UserId!);

        Assert.Null(created[0].Error);
        Assert.Equal("PERMISSION_PROFILE_NOT_FOUND", created[1].Error?.ErrorCode);
        Assert.Contains("'Auditors'", created[1].Error!.Message, StringComparison.Ordinal);
        Assert.Empty(context.State.FindUsersByEmail("nope@example.com"));
        Assert.Null(Assert.Single(updated).Error);
        Assert.Equal((null, "III", "Dr.", "Analytical"), (NullIfEmpty(read!.MiddleName), read.SuffixName, read.Title, read.Company));
        Assert.Equal((global::Docusign.Emulator.PermissionProfiles.SenderId, "DocuSign Sender"), (read.PermissionProfileId, read.PermissionProfileName));
        Assert.Equal(global::Docusign.Emulator.PermissionProfiles.Names.Count, (await client.ListPermissionProfilesAsync()).Count);
        // Only ids go over the wire: the name was resolved through one GET /permission_profiles, read again for the unknown one.
        Assert.DoesNotContain(context.State.Requests, r => r.RequestBody?.Contains("permissionProfileName", StringComparison.Ordinal) == true);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [Fact]
    public async Task Users_can_be_found_by_email_and_read_by_id()
    {
        await using var context = await DocusignTestContext.StartAsync();
        var client = context.Client;
        var created = await client.CreateUsersAsync([new NewDocusignUser("Ann Lee", "ann.lee@example.com") { FirstName = "Ann", LastName = "Lee" }]);

        var found = await client.FindUserByEmailAsync("ANN.LEE@example.com");
        var read = await client.GetUserAsync(created[0].UserId!);
        var missing = await client.FindUserByEmailAsync("nobody@example.com");
        var unknownId = await client.GetUserAsync(Guid.NewGuid().ToString());

        Assert.NotNull(found);
        Assert.Equal(created[0].UserId, found.UserId);
        Assert.NotNull(read);
        Assert.Equal("Ann Lee", read.UserName);
        Assert.Equal("Ann", read.FirstName);
        Assert.Equal(DocusignUserStatus.ActivationSent, read.Status);
        Assert.False(read.IsAdmin);
        Assert.NotNull(read.CreatedAt);
        Assert.Contains(read.Groups!, g => g.Type == DocusignGroupType.Everyone);
        Assert.Null(missing);
        Assert.Null(unknownId);
    }

    [Fact]
    public async Task Listing_pages_through_more_than_250_users_and_returns_each_user_once()
    {
        await using var context = await DocusignTestContext.StartAsync();
        for (var i = 0; i < 260; i++)
        {
            context.State.SeedUser($"User {i:000}", $"user{i:000}@example.com");
        }

        var users = await context.Client.ListUsersAsync().ToListAsync();

        var expected = context.State.Users.Select(u => u.UserId).ToHashSet();
        Assert.Equal(261, expected.Count); // 260 + the consenting administrator
        Assert.Equal(expected.Count, users.Count);
        Assert.Equal(expected, users.Select(u => u.UserId).ToHashSet());
        var pages = context.RestRequests().Where(r => r.Method == "GET" && r.Path.EndsWith("/users", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Contains("count=100", p.Query, StringComparison.Ordinal));
        Assert.Contains("start_position=200", pages[2].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_filters_by_status_case_insensitively_and_can_include_group_lists()
    {
        await using var context = await DocusignTestContext.StartAsync();
        context.State.SeedUser("Active One", "a1@example.com");
        context.State.SeedUser("Sent One", "s1@example.com", userStatus: "ActivationSent");
        context.State.SeedUser("Closed One", "c1@example.com", userStatus: "closed");

        var active = await context.Client.ListUsersAsync(new DocusignUserQuery { Statuses = [DocusignUserStatus.Active] }).ToListAsync();
        var closed = await context.Client.ListUsersAsync(new DocusignUserQuery { Statuses = [DocusignUserStatus.Closed], IncludeGroups = true }).ToListAsync();

        Assert.All(active, u => Assert.Equal(DocusignUserStatus.Active, u.Status));
        Assert.Contains(active, u => u.Email == "a1@example.com");
        var closedUser = Assert.Single(closed);
        Assert.Equal(DocusignUserStatus.Closed, closedUser.Status);
        Assert.Equal("closed", closedUser.StatusText);
        Assert.NotNull(closedUser.Groups);
    }

    [Fact]
    public async Task More_than_500_new_users_are_sent_in_chunks_of_at_most_500()
    {
        await using var context = await DocusignTestContext.StartAsync();
        var users = Enumerable.Range(0, 620).Select(i => new NewDocusignUser($"Bulk {i}", $"bulk{i}@example.com")).ToList();

        var results = await context.Client.CreateUsersAsync(users);

        Assert.Equal(620, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(users.Select(u => u.Email), results.Select(r => r.Request.Email));
        var posts = context.RestRequests().Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(500, System.Text.Json.Nodes.JsonNode.Parse(posts[0].RequestBody!)!["newUsers"]!.AsArray().Count);
        Assert.Equal(120, System.Text.Json.Nodes.JsonNode.Parse(posts[1].RequestBody!)!["newUsers"]!.AsArray().Count);
    }

    [Fact]
    public async Task Updating_one_user_sends_only_the_changed_fields()
    {
        await using var context = await DocusignTestContext.StartAsync();
        var seeded = context.State.SeedUser("Ann Lee", "ann@example.com", "Ann", "Lee", "Clerk");

        var updated = await context.Client.UpdateUserAsync(new DocusignUserUpdate(seeded.UserId) { JobTitle = "Manager", LastName = "Lee-Smith" });

        Assert.Equal("Manager", updated.JobTitle);
        Assert.Equal("Lee-Smith", updated.LastName);
        Assert.Equal("Ann", updated.FirstName);
        var put = context.RestRequests().Single(r => r.Method == "PUT");
        Assert.EndsWith("/users/" + seeded.UserId, put.Path, StringComparison.Ordinal);
        var body = System.Text.Json.Nodes.JsonNode.Parse(put.RequestBody!)!.AsObject();
        Assert.Equal(["jobTitle", "lastName"], body.Select(p => p.Key).Order().ToArray());
        Assert.Equal("Manager", context.State.FindUser(seeded.UserId)!.JobTitle);
    }

    [Fact]
    public async Task Bulk_update_reports_each_user_and_an_unknown_user_as_an_item_error()
    {
        await using var context = await DocusignTestContext.StartAsync();
        var ann = context.State.SeedUser("Ann Lee", "ann@example.com");
        var bob = context.State.SeedUser("Bob Roe", "bob@example.com");
        var ghost = Guid.NewGuid().ToString();

        var results = await context.Client.UpdateUsersAsync(
        [
            new DocusignUserUpdate(ann.UserId) { FirstName = "Annie" },
            new DocusignUserUpdate(ghost) { FirstName = "Ghost" },
            new DocusignUserUpdate(bob.UserId) { Company = "Roe & Co" },
        ]);

        Assert.Equal([ann.UserId, ghost, bob.UserId], results.Select(r => r.UserId).ToArray());
        Assert.True(results[0].Succeeded);
        Assert.False(results[1].Succeeded);
        Assert.Equal("USER_DOES_NOT_EXIST_IN_SYSTEM", results[1].Error!.ErrorCode);
        Assert.True(results[2].Succeeded);
        Assert.Equal("Annie", context.State.FindUser(ann.UserId)!.FirstName);
        Assert.Equal("Roe & Co", context.State.FindUser(bob.UserId)!.Company);
    }

    [Fact]
    public async Task Closing_keeps_the_user_as_closed_and_reposting_the_same_name_and_email_reactivates_it()
    {
        await using var context = await DocusignTestContext.StartAsync();
        var created = await context.Client.CreateUsersAsync([new NewDocusignUser("Rae Park", "rae@example.com")]);
        var userId = created[0].UserId!;
        context.State.ActivateUser(userId);

        var closed = await context.Client.CloseUsersAsync([userId, Guid.NewGuid().ToString()]);

        Assert.True(closed[0].Succeeded);
        Assert.Equal(DocusignUserStatus.Closed, closed[0].Status);
        Assert.False(closed[1].Succeeded);
        Assert.Equal("Closed", context.State.FindUser(userId)!.UserStatus);
        Assert.Equal(DocusignUserStatus.Closed, (await context.Client.GetUserAsync(userId))!.Status);
        var delete = context.RestRequests().Single(r => r.Method == "DELETE");
        Assert.Contains(userId, delete.RequestBody!, StringComparison.Ordinal);

        var again = await context.Client.CreateUsersAsync([new NewDocusignUser("Rae Park", "rae@example.com")]);

        Assert.True(again[0].Succeeded);
        Assert.Equal(userId, again[0].UserId);
        Assert.Equal(DocusignUserStatus.ActivationSent, again[0].Status);
        Assert.Single(context.State.FindUsersByEmail("rae@example.com"));
    }

    [Fact]
    public async Task Reactivation_can_be_emulated_as_creating_a_new_user()
    {
        await using var context = await DocusignTestContext.StartAsync(new global::Docusign.Emulator.DocusignEmulatorOptions
        {
            ClosedUserReactivation = global::Docusign.Emulator.ClosedUserReactivation.NewUserId,
        });
        var first = (await context.Client.CreateUsersAsync([new NewDocusignUser("Rae Park", "rae@example.com")]))[0].UserId!;
        await context.Client.CloseUsersAsync([first]);

        var second = (await context.Client.CreateUsersAsync([new NewDocusignUser("Rae Park", "rae@example.com")]))[0];

        Assert.NotEqual(first, second.UserId);
        var found = await context.Client.FindUsersByEmailAsync("rae@example.com");
        Assert.Equal(2, found.Count);
        Assert.Equal(second.UserId, (await context.Client.FindUserByEmailAsync("rae@example.com"))!.UserId);
    }
}
