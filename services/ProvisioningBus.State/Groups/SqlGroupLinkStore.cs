using System.Data.Common;
using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Groups;

internal sealed class SqlGroupLinkStore(StoreDatabase database) : IGroupLinkStore
{
    private const string Columns = "rule, pingone_group_id, docusign_group_id, name, updated_at";

    public Task<GroupLink?> GetAsync(string rule, string pingOneGroupId, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM group_links WHERE rule = @rule AND pingone_group_id = @pingone_group_id",
            Map, ct, P("rule", rule), P("pingone_group_id", pingOneGroupId));

    public Task UpsertAsync(GroupLink link, CancellationToken ct) =>
        database.ExecuteAsync(
            $"""
            INSERT INTO group_links ({Columns})
            VALUES (@rule, @pingone_group_id, @docusign_group_id, @name, @updated_at)
            ON CONFLICT (rule, pingone_group_id) DO UPDATE SET
                docusign_group_id = excluded.docusign_group_id,
                name = excluded.name,
                updated_at = excluded.updated_at
            """,
            ct,
            P("rule", link.Rule),
            P("pingone_group_id", link.PingOneGroupId),
            P("docusign_group_id", link.DocusignGroupId),
            P("name", link.Name),
            P("updated_at", DbValues.ToDb(link.UpdatedAt)));

    public async Task<bool> DeleteAsync(string rule, string pingOneGroupId, CancellationToken ct) =>
        await database.ExecuteAsync(
            "DELETE FROM group_links WHERE rule = @rule AND pingone_group_id = @pingone_group_id",
            ct, P("rule", rule), P("pingone_group_id", pingOneGroupId)) > 0;

    public IAsyncEnumerable<GroupLink> ListByRuleAsync(string rule, CancellationToken ct) =>
        database.QueryAsync($"SELECT {Columns} FROM group_links WHERE rule = @rule ORDER BY pingone_group_id", Map, ct, P("rule", rule));

    private static GroupLink Map(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInstant(4));
}
