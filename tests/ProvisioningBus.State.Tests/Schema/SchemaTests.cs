using ProvisioningBus.State.Tests.Infrastructure;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.State.Tests.Schema;

public sealed class SchemaTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_new_database_has_no_schema_until_it_is_ensured(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres, ensureSchema: false);

        Assert.Equal(0, await test.Store.GetSchemaVersionAsync(test.Ct));
        var version = await test.Store.EnsureSchemaAsync(test.Ct);

        Assert.True(version >= 1);
        Assert.Equal(version, await test.Store.GetSchemaVersionAsync(test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Schema_creation_run_concurrently_by_several_instances_succeeds_once(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres, ensureSchema: false);
        var instances = Enumerable.Range(0, 4).Select(_ => test.Open()).ToList();

        var versions = await Task.WhenAll(instances.Select(i => Task.Run(() => i.EnsureSchemaAsync(test.Ct))));

        Assert.Single(versions.Distinct());
        Assert.Equal(versions[0], await test.Store.GetSchemaVersionAsync(test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Ensuring_the_schema_again_keeps_existing_data(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var link = new UserLink("rule", "p1", "d1", "a@example.com", "h", test.Clock.GetUtcNow(), test.Clock.GetUtcNow());
        await test.Store.UserLinks.UpsertAsync(link, test.Ct);

        await test.Store.EnsureSchemaAsync(test.Ct);
        await test.Open().EnsureSchemaAsync(test.Ct);

        Assert.Equal(link, await test.Store.UserLinks.GetAsync("rule", "p1", test.Ct));
    }
}
