using System.Data.Common;
using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Users;

internal sealed class SqlUserLinkStore(StoreDatabase database) : IUserLinkStore
{
    private const string Columns = "rule, pingone_user_id, docusign_user_id, email, applied_hash, source_version, updated_at";

    public Task<UserLink?> GetAsync(string rule, string pingOneUserId, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM user_links WHERE rule = @rule AND pingone_user_id = @pingone_user_id",
            Map, ct, P("rule", rule), P("pingone_user_id", pingOneUserId));

    private const string OnConflict = """
        ON CONFLICT (rule, pingone_user_id) DO UPDATE SET
            docusign_user_id = excluded.docusign_user_id,
            email = excluded.email,
            applied_hash = excluded.applied_hash,
            source_version = excluded.source_version,
            updated_at = excluded.updated_at
        WHERE user_links.source_version <= excluded.source_version
        """;

    public async Task<IReadOnlyDictionary<string, UserLink>> GetManyAsync(string rule, IReadOnlyList<string> pingOneUserIds, CancellationToken ct)
    {
        if (pingOneUserIds.Count == 0)
        {
            return new Dictionary<string, UserLink>(StringComparer.Ordinal);
        }

        var (ids, parameters) = SqlLists.In("id", pingOneUserIds);
        var links = await database.QueryListAsync(
            $"SELECT {Columns} FROM user_links WHERE rule = @rule AND pingone_user_id IN ({ids})", Map, ct, [P("rule", rule), .. parameters]);
        return links.ToDictionary(link => link.PingOneUserId, StringComparer.Ordinal);
    }

    public async Task UpsertManyAsync(IReadOnlyList<UserLink> links, CancellationToken ct)
    {
        if (links.Count == 0)
        {
            return;
        }

        var (values, parameters) = SqlLists.Values(
            links,
            link => link.Rule,
            link => link.PingOneUserId,
            link => link.DocusignUserId,
            link => link.Email,
            link => link.AppliedHash,
            link => DbValues.ToDb(link.SourceVersion),
            link => DbValues.ToDb(link.UpdatedAt));
        await database.ExecuteAsync($"INSERT INTO user_links ({Columns}) VALUES {values} {OnConflict}", ct, parameters);
    }

    public async Task DeleteManyAsync(string rule, IReadOnlyList<string> pingOneUserIds, CancellationToken ct)
    {
        if (pingOneUserIds.Count == 0)
        {
            return;
        }

        var (ids, parameters) = SqlLists.In("id", pingOneUserIds);
        await database.ExecuteAsync($"DELETE FROM user_links WHERE rule = @rule AND pingone_user_id IN ({ids})", ct, [P("rule", rule), .. parameters]);
    }

    public async Task<bool> UpsertAsync(UserLink link, CancellationToken ct)
    {
        // The WHERE on DO UPDATE makes the version check and the write one atomic statement on both engines.
        var written = await database.ExecuteAsync(
            $"""
            INSERT INTO user_links ({Columns})
            VALUES (@rule, @pingone_user_id, @docusign_user_id, @email, @applied_hash, @source_version, @updated_at)
            {OnConflict}
            """,
            ct,
            P("rule", link.Rule),
            P("pingone_user_id", link.PingOneUserId),
            P("docusign_user_id", link.DocusignUserId),
            P("email", link.Email),
            P("applied_hash", link.AppliedHash),
            P("source_version", DbValues.ToDb(link.SourceVersion)),
            P("updated_at", DbValues.ToDb(link.UpdatedAt)));
        return written == 1;
    }

    public async Task<bool> DeleteAsync(string rule, string pingOneUserId, CancellationToken ct) =>
        await database.ExecuteAsync(
            "DELETE FROM user_links WHERE rule = @rule AND pingone_user_id = @pingone_user_id",
            ct, P("rule", rule), P("pingone_user_id", pingOneUserId)) > 0;

    public IAsyncEnumerable<UserLink> ListByRuleAsync(string rule, CancellationToken ct) =>
        database.QueryAsync($"SELECT {Columns} FROM user_links WHERE rule = @rule ORDER BY pingone_user_id", Map, ct, P("rule", rule));

    private static UserLink Map(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInstant(5), r.GetInstant(6));
}
