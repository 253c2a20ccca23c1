using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Tokens;

public sealed class RefreshTokenTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task The_first_token_is_seeded_once_and_later_seeds_lose(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);

        Assert.Null(await test.Store.RefreshTokens.GetAsync("docusign-demo", test.Ct));
        Assert.True(await test.Store.RefreshTokens.SaveAsync("docusign-demo", null, "rt-1", test.Ct));
        Assert.False(await test.Store.RefreshTokens.SaveAsync("docusign-demo", null, "rt-from-config", test.Ct));

        Assert.Equal("rt-1", await test.Store.RefreshTokens.GetAsync("docusign-demo", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_rotation_based_on_a_stale_token_is_refused_and_keeps_the_winner(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var other = test.Open();
        await test.Store.RefreshTokens.SaveAsync("docusign-demo", null, "rt-1", test.Ct);

        Assert.True(await other.RefreshTokens.SaveAsync("docusign-demo", "rt-1", "rt-2-other-instance", test.Ct));
        Assert.False(await test.Store.RefreshTokens.SaveAsync("docusign-demo", "rt-1", "rt-2-this-instance", test.Ct));

        Assert.Equal("rt-2-other-instance", await test.Store.RefreshTokens.GetAsync("docusign-demo", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Of_many_instances_rotating_the_same_token_at_once_exactly_one_wins(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.RefreshTokens.SaveAsync("docusign-demo", null, "rt-1", test.Ct);
        var instances = Enumerable.Range(0, 6).Select(_ => test.Open()).ToList();

        var results = await Task.WhenAll(instances.Select((store, i) =>
            Task.Run(() => store.RefreshTokens.SaveAsync("docusign-demo", "rt-1", $"rt-2-{i}", test.Ct))));

        Assert.Equal(1, results.Count(r => r));
        var winner = Array.IndexOf(results, true);
        Assert.Equal($"rt-2-{winner}", await test.Store.RefreshTokens.GetAsync("docusign-demo", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Tokens_of_different_connections_are_independent_and_can_be_forgotten(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.RefreshTokens.SaveAsync("a", null, "rt-a", test.Ct);
        await test.Store.RefreshTokens.SaveAsync("b", null, "rt-b", test.Ct);

        Assert.True(await test.Store.RefreshTokens.DeleteAsync("a", test.Ct));

        Assert.Null(await test.Store.RefreshTokens.GetAsync("a", test.Ct));
        Assert.Equal("rt-b", await test.Store.RefreshTokens.GetAsync("b", test.Ct));
        Assert.True(await test.Store.RefreshTokens.SaveAsync("a", null, "rt-a-pasted", test.Ct));
    }
}
