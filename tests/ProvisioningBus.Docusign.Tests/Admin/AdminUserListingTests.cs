using System.Globalization;
using Docusign.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProvisioningBus.Docusign.Admin;

namespace ProvisioningBus.Docusign.Tests.Admin;

public sealed class AdminUserListingTests
{
    [Fact]
    public async Task The_Admin_API_lists_only_users_modified_since_a_time_over_pages_of_100_without_reading_the_rest()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var context = await DocusignTestContext.StartAsync(new DocusignEmulatorOptions { TimeProvider = clock });
        var seeded = Enumerable.Range(0, 1_000)
            .Select(i => context.State.SeedUser($"User {i:D4}", $"user{i:D4}@example.com", "User", i.ToString("D4", CultureInfo.InvariantCulture), "Engineer"))
            .ToList();
        clock.Advance(TimeSpan.FromHours(1));
        var since = clock.GetUtcNow();
        var modified = seeded.Take(150).Select(u => u.UserId).ToList();
        await context.Client.UpdateUsersAsync([.. modified.Take(149).Select(id => new DocusignUserUpdate(id) { FirstName = "Renamed" })]);
        await context.Client.CloseUsersAsync([modified[149]]);
        context.State.ClearRequests();

        var admin = context.Services.GetRequiredService<IDocusignAdminClientProvider>().Get(DocusignTestContext.ConnectionName);
        var listed = await admin.ListUsersModifiedSinceAsync(context.Emulator.Options.OrganizationId, since).ToListAsync();

        Assert.Equal(modified.Order(StringComparer.Ordinal), listed.Select(u => u.UserId).Order(StringComparer.Ordinal));
        Assert.Equal("Closed", Assert.Single(listed, u => u.UserId == modified[149]).UserStatus);
        Assert.All(listed.Where(u => u.UserId != modified[149]), u => Assert.Equal(("Renamed", "Active"), (u.FirstName, u.UserStatus)));
        Assert.Equal(2, context.State.CountRequestsUnder("GET", "/management/"));
        Assert.Equal(0, context.State.CountRequestsUnder("GET", "/restapi/"));

        // Nothing modified since now: one call, no users. Another organisation: Docusign's 404, as a DocusignApiException.
        Assert.Empty(await admin.ListUsersModifiedSinceAsync(context.Emulator.Options.OrganizationId, clock.GetUtcNow().AddSeconds(1)).ToListAsync());
        var other = await Assert.ThrowsAsync<DocusignApiException>(async () => await admin.ListUsersModifiedSinceAsync(Guid.NewGuid().ToString(), since).ToListAsync());
        Assert.True(other.IsNotFound);
    }
}
