using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Memberships;

internal sealed class SqlMembershipStore(StoreDatabase database) : IMembershipStore
{
    private const string Key = "rule = @rule AND pingone_group_id = @pingone_group_id AND pingone_user_id = @pingone_user_id";

    public async Task<bool> AddAsync(AppliedMembership membership, CancellationToken ct) =>
        await database.ExecuteAsync(
            """
            INSERT INTO applied_memberships (rule, pingone_group_id, pingone_user_id)
            VALUES (@rule, @pingone_group_id, @pingone_user_id)
            ON CONFLICT (rule, pingone_group_id, pingone_user_id) DO NOTHING
            """,
            ct, Args(membership)) == 1;

    public async Task<bool> RemoveAsync(AppliedMembership membership, CancellationToken ct) =>
        await database.ExecuteAsync($"DELETE FROM applied_memberships WHERE {Key}", ct, Args(membership)) > 0;

    public async Task<bool> ExistsAsync(AppliedMembership membership, CancellationToken ct) =>
        await database.QuerySingleOrDefaultAsync(
            $"SELECT rule FROM applied_memberships WHERE {Key}", r => r.GetString(0), ct, Args(membership)) is not null;

    public IAsyncEnumerable<AppliedMembership> ListByGroupAsync(string rule, string pingOneGroupId, CancellationToken ct) =>
        ListWhereAsync(rule, "pingone_group_id", pingOneGroupId, orderBy: "pingone_user_id", ct);

    public IAsyncEnumerable<AppliedMembership> ListByUserAsync(string rule, string pingOneUserId, CancellationToken ct) =>
        ListWhereAsync(rule, "pingone_user_id", pingOneUserId, orderBy: "pingone_group_id", ct);

    /// <param name="column">One of this class's own column names, never input: it is part of the SQL text.</param>
    private IAsyncEnumerable<AppliedMembership> ListWhereAsync(string rule, string column, string value, string orderBy, CancellationToken ct) =>
        database.QueryAsync(
            $"SELECT rule, pingone_group_id, pingone_user_id FROM applied_memberships WHERE rule = @rule AND {column} = @value ORDER BY {orderBy}",
            r => new AppliedMembership(r.GetString(0), r.GetString(1), r.GetString(2)),
            ct, P("rule", rule), P("value", value));

    public Task<int> RemoveAllForUserAsync(string rule, string pingOneUserId, CancellationToken ct) =>
        database.ExecuteAsync(
            "DELETE FROM applied_memberships WHERE rule = @rule AND pingone_user_id = @pingone_user_id",
            ct, P("rule", rule), P("pingone_user_id", pingOneUserId));

    public Task<int> RemoveAllForGroupAsync(string rule, string pingOneGroupId, CancellationToken ct) =>
        database.ExecuteAsync(
            "DELETE FROM applied_memberships WHERE rule = @rule AND pingone_group_id = @pingone_group_id",
            ct, P("rule", rule), P("pingone_group_id", pingOneGroupId));

    private static SqlParameterValue[] Args(AppliedMembership m) =>
        [P("rule", m.Rule), P("pingone_group_id", m.PingOneGroupId), P("pingone_user_id", m.PingOneUserId)];
}
