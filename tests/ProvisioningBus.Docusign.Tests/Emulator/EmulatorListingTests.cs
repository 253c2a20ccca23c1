using System.Globalization;
using Docusign.Emulator;

namespace ProvisioningBus.Docusign.Tests.Emulator;

public sealed class EmulatorListingTests
{
    [Fact]
    public async Task An_unfiltered_listing_pages_every_user_once_in_creation_order_and_counts_calls_beyond_the_request_log()
    {
        // A log of two entries: a count read from it would stop at two.
        await using var context = await DocusignTestContext.StartAsync(new DocusignEmulatorOptions { RequestLogCapacity = 2 });
        for (var i = 0; i < 349; i++)
        {
            context.State.SeedUser($"User {i:D3}", $"user{i:D3}@example.com", "User", i.ToString("D3", CultureInfo.InvariantCulture), "Engineer");
        }

        context.State.ClearRequests();
        var listed = await context.Client.ListUsersAsync().ToListAsync();

        Assert.Equal(context.State.Users.Select(u => u.UserId), listed.Select(u => u.UserId));
        Assert.Equal(350, listed.Count);
        Assert.Equal(4, context.State.CountRequests("GET", "/users"));
        Assert.Equal(2, context.State.Requests.Count);
    }

    [Fact]
    public async Task A_filtered_listing_still_pages_only_the_matching_users()
    {
        await using var context = await DocusignTestContext.StartAsync();
        for (var i = 0; i < 150; i++)
        {
            context.State.SeedUser($"User {i:D3}", $"user{i:D3}@example.com", "User", "Last", i % 2 == 0 ? "Engineer" : "Sales", i % 3 == 0 ? "Closed" : "Active");
        }

        var closed = await context.Client.ListUsersAsync(new DocusignUserQuery { Statuses = [DocusignUserStatus.Closed] }).ToListAsync();

        Assert.Equal(50, closed.Count);
        Assert.All(closed, user => Assert.Equal(DocusignUserStatus.Closed, user.Status));
    }
}
