using ProvisioningBus.State.Database;
using ProvisioningBus.State.Secrets;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Tokens;

/// <summary>
/// Tokens are stored encrypted. Encryption is randomised, so compare-and-swap cannot match the caller's plaintext in
/// SQL: it decrypts the stored value, compares, then updates only if that exact ciphertext is still there.
/// </summary>
internal sealed class SqlRefreshTokenStore(StoreDatabase database, StoredSecretProtector protector) : IRefreshTokenStore
{
    public async Task<string?> GetAsync(string connectionName, CancellationToken ct) =>
        await ReadStoredAsync(connectionName, ct) is { } stored ? protector.Unprotect(stored) : null;

    public async Task<bool> SaveAsync(string connectionName, string? expectedCurrent, string newToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(newToken);
        var now = DbValues.ToDb(database.Time.GetUtcNow());
        var encrypted = protector.Protect(newToken);
        if (expectedCurrent is null)
        {
            return await database.ExecuteAsync(
                """
                INSERT INTO refresh_tokens (connection_name, token, rotated_at) VALUES (@connection_name, @token, @rotated_at)
                ON CONFLICT (connection_name) DO NOTHING
                """,
                ct, P("connection_name", connectionName), P("token", encrypted), P("rotated_at", now)) == 1;
        }

        var stored = await ReadStoredAsync(connectionName, ct);
        if (stored is null || !string.Equals(protector.Unprotect(stored), expectedCurrent, StringComparison.Ordinal))
        {
            return false;
        }

        return await database.ExecuteAsync(
            """
            UPDATE refresh_tokens SET token = @token, rotated_at = @rotated_at
            WHERE connection_name = @connection_name AND token = @expected
            """,
            ct, P("connection_name", connectionName), P("token", encrypted), P("rotated_at", now), P("expected", stored)) == 1;
    }

    public async Task<bool> DeleteAsync(string connectionName, CancellationToken ct) =>
        await database.ExecuteAsync(
            "DELETE FROM refresh_tokens WHERE connection_name = @connection_name", ct, P("connection_name", connectionName)) > 0;

    private Task<string?> ReadStoredAsync(string connectionName, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync(
            "SELECT token FROM refresh_tokens WHERE connection_name = @connection_name",
            r => r.GetString(0), ct, P("connection_name", connectionName));
}
