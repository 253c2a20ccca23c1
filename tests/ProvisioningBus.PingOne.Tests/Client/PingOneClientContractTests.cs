using System.Net;
using PingOne.Emulator;
using PingOne.Emulator.Directory;
using ProvisioningBus.PingOne.Groups;
using ProvisioningBus.PingOne.Tests.Support;
using ProvisioningBus.PingOne.Users;

namespace ProvisioningBus.PingOne.Tests.Client;

public sealed class PingOneClientContractTests
{
    [Fact]
    public async Task Get_user_returns_enabled_flag_population_and_group_ids()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync();
        var state = pingOne.Emulator.State;
        var user = state.CreateUser("ada", "ada@example.com", new EmulatedUserName("Ada", "Lovelace"), title: "Engineer", externalId: "ds-1");
        var group = state.CreateGroup("Engineering");
        state.AddMember(user.Id, group.Id);
        state.SetEnabled(user.Id, false);

        var read = await pingOne.Client.GetUserAsync(user.Id);

        Assert.NotNull(read);
        Assert.Equal("ada", read.Username);
        Assert.Equal("ada@example.com", read.Email);
        Assert.Equal("Lovelace", read.Name?.Family);
        Assert.Equal("Engineer", read.Title);
        Assert.Equal("ds-1", read.ExternalId);
        Assert.False(read.Enabled);
        Assert.Equal(state.DefaultPopulationId, read.Population?.Id);
        Assert.Equal([group.Id], read.MemberOfGroupIds);
    }

    [Fact]
    public async Task Get_user_returns_null_for_an_unknown_user()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync();

        Assert.Null(await pingOne.Client.GetUserAsync("2b7e1c4e-0000-4000-8000-000000000000"));
    }

    [Fact]
    public async Task Listing_more_users_than_a_page_returns_each_user_exactly_once()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync(new PingOneEmulatorOptions { MaxUsersPageSize = 100 });
        var created = Enumerable.Range(0, 260).Select(i => pingOne.Emulator.State.CreateUser($"user{i:D3}", $"user{i:D3}@example.com").Id).ToList();

        var listed = new List<string>();
        await foreach (var user in pingOne.Client.ListUsersAsync())
        {
            listed.Add(user.Id);
        }

        Assert.Equal(created, listed);
    }

    [Fact]
    public async Task Filters_select_users_by_username_external_id_population_and_group()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync();
        var state = pingOne.Emulator.State;
        var contractors = state.CreatePopulation("Contractors");
        var ada = state.CreateUser("ada", "ada@example.com", externalId: "ds-ada");
        var bob = state.CreateUser("bob", "bob@example.com", populationId: contractors.Id);
        var cy = state.CreateUser("cy", "cy@example.com", populationId: contractors.Id);
        var group = state.CreateGroup("Signers");
        state.AddMember(bob.Id, group.Id);
        state.AddMember(ada.Id, group.Id);

        Assert.Equal([ada.Id], await Ids(pingOne.Client.ListUsersAsync("username eq \"ADA\"")));
        Assert.Equal([bob.Id], await Ids(pingOne.Client.ListUsersAsync("email eq \"bob@example.com\"")));
        Assert.Equal([ada.Id], await Ids(pingOne.Client.ListUsersAsync("externalId eq \"ds-ada\"")));
        Assert.Equal([bob.Id, cy.Id], await Ids(pingOne.Client.ListUsersAsync($"population.id eq \"{contractors.Id}\"")));
        Assert.Equal([ada.Id, bob.Id], await Ids(pingOne.Client.ListUsersAsync($"memberOfGroups[id eq \"{group.Id}\"]")));
        Assert.Equal(
            [bob.Id],
            await Ids(pingOne.Client.ListUsersAsync($"memberOfGroups[id eq \"{group.Id}\"] and population.id eq \"{contractors.Id}\"")));
    }

    [Fact]
    public async Task An_unsupported_filter_is_a_typed_api_error()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync();

        var error = await Assert.ThrowsAsync<PingOneApiException>(async () => await Ids(pingOne.Client.ListUsersAsync("username eq")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("INVALID_DATA", error.Code);
    }

    [Fact]
    public async Task Create_then_patch_changes_only_the_given_attributes()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync();
        var created = await pingOne.Client.CreateUserAsync(new PingOneNewUser
        {
            Username = "grace",
            Email = "grace@example.com",
            Name = new PingOneUserName { Given = "Grace", Family = "Hopper" },
            Title = "Admiral",
            ExternalId = "ds-grace",
        });

        var patched = await pingOne.Client.PatchUserAsync(created.Id, new PingOneUserPatch { Title = "Rear Admiral" });

        Assert.Equal("Rear Admiral", patched.Title);
        Assert.Equal("grace@example.com", patched.Email);
        Assert.Equal("Hopper", patched.Name?.Family);
        Assert.Equal("ds-grace", patched.ExternalId);
        Assert.True(patched.Enabled);
    }

    [Fact]
    public async Task Creating_a_duplicate_username_is_a_typed_error_without_credentials_in_the_message()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync();
        pingOne.Emulator.State.CreateUser("dup", "dup@example.com");

        var error = await Assert.ThrowsAsync<PingOneApiException>(
            () => pingOne.Client.CreateUserAsync(new PingOneNewUser { Username = "dup", Email = "other@example.com" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("INVALID_DATA", error.Code);
        Assert.Contains("UNIQUENESS_VIOLATION (username)", error.Details);
        Assert.DoesNotContain(pingOne.Emulator.ClientSecret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_enabled_and_delete_act_on_the_user()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync();
        var user = pingOne.Emulator.State.CreateUser("eve", "eve@example.com");

        await pingOne.Client.SetUserEnabledAsync(user.Id, false);
        Assert.False(pingOne.Emulator.State.FindUser(user.Id)!.Enabled);

        Assert.True(await pingOne.Client.DeleteUserAsync(user.Id));
        Assert.Null(pingOne.Emulator.State.FindUser(user.Id));
        Assert.False(await pingOne.Client.DeleteUserAsync(user.Id));
    }

    [Fact]
    public async Task Groups_can_be_created_read_and_filtered_by_name()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync();
        var created = await pingOne.Client.CreateGroupAsync(new PingOneNewGroup { Name = "Managers", Description = "People managers" });
        pingOne.Emulator.State.CreateGroup("Engineers");

        var read = await pingOne.Client.GetGroupAsync(created.Id);
        var filtered = await Ids(pingOne.Client.ListGroupsAsync("name eq \"managers\""));
        var all = new List<PingOneGroup>();
        await foreach (var group in pingOne.Client.ListGroupsAsync())
        {
            all.Add(group);
        }

        Assert.Equal("People managers", read?.Description);
        Assert.Equal([created.Id], filtered);
        Assert.Equal(["Managers", "Engineers"], all.Select(g => g.Name));
        Assert.Null(await pingOne.Client.GetGroupAsync("no-such-group"));
    }

    [Fact]
    public async Task Memberships_can_be_added_listed_and_removed()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync();
        var user = pingOne.Emulator.State.CreateUser("max", "max@example.com");
        var first = pingOne.Emulator.State.CreateGroup("First");
        var second = pingOne.Emulator.State.CreateGroup("Second");

        await pingOne.Client.AddUserToGroupAsync(user.Id, first.Id);
        await pingOne.Client.AddUserToGroupAsync(user.Id, second.Id);
        var memberships = new List<PingOneGroupMembership>();
        await foreach (var membership in pingOne.Client.ListGroupMembershipsForUserAsync(user.Id))
        {
            memberships.Add(membership);
        }

        Assert.Equal([new PingOneGroupMembership(first.Id, "First", "DIRECT"), new PingOneGroupMembership(second.Id, "Second", "DIRECT")], memberships);
        Assert.True(await pingOne.Client.RemoveUserFromGroupAsync(user.Id, first.Id));
        Assert.False(await pingOne.Client.RemoveUserFromGroupAsync(user.Id, first.Id));
        Assert.Equal([second.Id], (await pingOne.Client.GetUserAsync(user.Id))!.MemberOfGroupIds);
    }

    [Fact]
    public async Task Populations_list_includes_the_default_and_created_ones()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync();
        pingOne.Emulator.State.CreatePopulation("Contractors");

        var names = new List<string>();
        await foreach (var population in pingOne.Client.ListPopulationsAsync())
        {
            names.Add(population.Name);
        }

        Assert.Equal(["Default", "Contractors"], names);
    }

    [Fact]
    public async Task Writes_through_the_api_record_events_with_the_worker_client_as_actor()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync();
        var adminMade = pingOne.Emulator.State.CreateUser("admin-made", "a@example.com");

        await pingOne.Client.PatchUserAsync(adminMade.Id, new PingOneUserPatch { Title = "Changed by sync" });

        var events = pingOne.Emulator.Activities.Snapshot();
        Assert.Equal(["USER.CREATED", "USER.UPDATED"], events.Select(e => e.ActionType));
        Assert.Equal("adminui", events[0].ActorClientId);
        Assert.Equal(pingOne.Emulator.ClientId, events[1].ActorClientId);
    }

    [Fact]
    public async Task Transient_server_errors_are_retried()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync();
        var user = pingOne.Emulator.State.CreateUser("flaky", "flaky@example.com");
        pingOne.Emulator.FailNextApiRequests(2, 503);

        var read = await pingOne.Client.GetUserAsync(user.Id);

        Assert.Equal("flaky", read?.Username);
    }

    [Fact]
    public async Task A_revoked_token_is_replaced_and_the_request_succeeds()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync();
        var user = pingOne.Emulator.State.CreateUser("kim", "kim@example.com");
        await pingOne.Client.GetUserAsync(user.Id);

        pingOne.Emulator.RevokeTokens();
        var read = await pingOne.Client.GetUserAsync(user.Id);

        Assert.Equal("kim", read?.Username);
        Assert.Equal(2, pingOne.Emulator.IssuedTokenCount);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_token_request()
    {
        await using var pingOne = await EmulatedPingOne.StartAsync();
        var user = pingOne.Emulator.State.CreateUser("par", "par@example.com");

        var reads = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() => pingOne.Client.GetUserAsync(user.Id))));

        Assert.All(reads, r => Assert.Equal(user.Id, r?.Id));
        Assert.Equal(1, pingOne.Emulator.IssuedTokenCount);
    }

    [Fact]
    public async Task Wrong_client_secret_fails_with_a_message_that_does_not_contain_it()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        const string wrongSecret = "not-the-secret-1234";
        services.AddPingOneClient(EmulatedPingOne.ConnectionTo(emulator) with { ClientSecret = wrongSecret }, EmulatedPingOne.FastRetries);
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IPingOneClient>(provider);

        var error = await Assert.ThrowsAsync<PingOneApiException>(() => client.GetUserAsync("any"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("invalid_client", error.Code);
        Assert.DoesNotContain(wrongSecret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrongSecret, (EmulatedPingOne.ConnectionTo(emulator) with { ClientSecret = wrongSecret }).ToString(), StringComparison.Ordinal);
    }

    private static async Task<List<string>> Ids<T>(IAsyncEnumerable<T> items)
    {
        var ids = new List<string>();
        await foreach (var item in items)
        {
            ids.Add(item switch
            {
                PingOneUser u => u.Id,
                PingOneGroup g => g.Id,
                _ => throw new InvalidOperationException(),
            });
        }

        return ids;
    }
}
