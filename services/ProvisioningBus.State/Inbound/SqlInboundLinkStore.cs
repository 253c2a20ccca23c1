using System.Data.Common;
using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Inbound;

internal sealed class SqlInboundLinkStore(StoreDatabase database) : IInboundLinkStore
{
    private const string Columns = "rule, docusign_user_id, pingone_user_id, provisioned_at";

    public Task<InboundLink?> GetAsync(string rule, string docusignUserId, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM inbound_links WHERE rule = @rule AND docusign_user_id = @docusign_user_id",
            Map, ct, P("rule", rule), P("docusign_user_id", docusignUserId));

    public Task UpsertAsync(InboundLink link, CancellationToken ct) =>
        database.ExecuteAsync(
            $"""
            INSERT INTO inbound_links ({Columns}) VALUES (@rule, @docusign_user_id, @pingone_user_id, @provisioned_at)
            ON CONFLICT (rule, docusign_user_id) DO UPDATE SET
                pingone_user_id = excluded.pingone_user_id,
                provisioned_at = excluded.provisioned_at
            """,
            ct,
            P("rule", link.Rule),
            P("docusign_user_id", link.DocusignUserId),
            P("pingone_user_id", link.PingOneUserId),
            P("provisioned_at", DbValues.ToDb(link.ProvisionedAt)));

    public async Task<bool> DeleteAsync(string rule, string docusignUserId, CancellationToken ct) =>
        await database.ExecuteAsync(
            "DELETE FROM inbound_links WHERE rule = @rule AND docusign_user_id = @docusign_user_id",
            ct, P("rule", rule), P("docusign_user_id", docusignUserId)) > 0;

    public IAsyncEnumerable<InboundLink> ListByRuleAsync(string rule, CancellationToken ct) =>
        database.QueryAsync($"SELECT {Columns} FROM inbound_links WHERE rule = @rule ORDER BY docusign_user_id", Map, ct, P("rule", rule));

    private static InboundLink Map(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInstant(3));
}
