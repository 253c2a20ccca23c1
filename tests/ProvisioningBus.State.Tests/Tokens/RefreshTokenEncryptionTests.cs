using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using ProvisioningBus.State.Hosting;
using ProvisioningBus.State.Secrets;
using ProvisioningBus.State.Tests.Infrastructure;

namespace ProvisioningBus.State.Tests.Tokens;

public sealed class RefreshTokenEncryptionTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private const string Token = "docusign-refresh-token-4f1c2a9e";

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task The_raw_row_of_a_stored_refresh_token_holds_no_token(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.RefreshTokens.SaveAsync("demo", null, Token, test.Ct);
        await test.Store.RefreshTokens.SaveAsync("demo", Token, Token + "-rotated", test.Ct);

        var raw = await ReadRawTokenColumnAsync(test.Options);

        Assert.DoesNotContain(Token, raw, StringComparison.Ordinal);
        Assert.StartsWith("dp1:", raw, StringComparison.Ordinal);
        Assert.Equal(Token + "-rotated", await test.Store.RefreshTokens.GetAsync("demo", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Two_instances_that_loaded_an_empty_key_ring_at_once_read_each_others_tokens(StoreEngine engine)
    {
        // Both open before either wrote a key, as two worker processes starting together on a fresh shared directory:
        // each creates its own key, and each must still read what the other encrypted.
        await using var test = await TestStore.CreateAsync(engine, postgres);
        var first = test.Open();
        var second = test.Open();

        await first.RefreshTokens.SaveAsync("first", null, Token + "-1", test.Ct);
        await second.RefreshTokens.SaveAsync("second", null, Token + "-2", test.Ct);

        Assert.Equal(Token + "-1", await second.RefreshTokens.GetAsync("first", test.Ct));
        Assert.Equal(Token + "-2", await first.RefreshTokens.GetAsync("second", test.Ct));
        Assert.True(await first.RefreshTokens.SaveAsync("second", Token + "-2", Token + "-3", test.Ct));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_store_with_another_key_ring_says_which_key_ring_cannot_read_the_token(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await test.Store.RefreshTokens.SaveAsync("demo", null, Token, test.Ct);
        var otherRing = Directory.CreateTempSubdirectory("pb-state-test-other-keys-");
        try
        {
            var stranger = test.Open(keyRingPath: otherRing.FullName);

            var error = await Assert.ThrowsAsync<StoredSecretUnreadableException>(() => stranger.RefreshTokens.GetAsync("demo", test.Ct));

            Assert.Contains("State:KeyRingPath", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            otherRing.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_plain_text_token_from_before_encryption_is_read_and_its_rotation_is_encrypted(StoreEngine engine)
    {
        await using var test = await TestStore.CreateAsync(engine, postgres);
        await ExecuteRawAsync(test.Options, $"INSERT INTO refresh_tokens (connection_name, token, rotated_at) VALUES ('demo', '{Token}', 0)");

        Assert.Equal(Token, await test.Store.RefreshTokens.GetAsync("demo", test.Ct));
        Assert.True(await test.Store.RefreshTokens.SaveAsync("demo", Token, Token + "-next", test.Ct));

        Assert.DoesNotContain(Token, await ReadRawTokenColumnAsync(test.Options), StringComparison.Ordinal);
    }

    private static async Task<string> ReadRawTokenColumnAsync(StoreOptions options)
    {
        await using var connection = Connect(options);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT token FROM refresh_tokens WHERE connection_name = 'demo'";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteRawAsync(StoreOptions options, string sql)
    {
        await using var connection = Connect(options);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static DbConnection Connect(StoreOptions options) => options.Provider == StoreProvider.Sqlite
        ? new SqliteConnection(options.ConnectionString)
        : new NpgsqlConnection(options.ConnectionString);
}
