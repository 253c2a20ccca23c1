using System.Data.Common;
using ProvisioningBus.State.Database;
using static ProvisioningBus.State.Database.SqlArgs;

namespace ProvisioningBus.State.Rules;

internal sealed class SqlRuleEndpointStore(StoreDatabase database) : IRuleEndpointStore
{
    private const string Columns = "rule, direction, connection_name, recorded_at";

    public async Task<IReadOnlyList<RuleEndpoint>> ListAsync(CancellationToken ct) =>
        await database.QueryListAsync($"SELECT {Columns} FROM rule_endpoints ORDER BY rule", Map, ct);

    public async Task<RuleEndpoint> RecordIfAbsentAsync(RuleEndpoint endpoint, CancellationToken ct)
    {
        // DO NOTHING keeps the first instance's row when several start together; the read returns whichever won.
        await database.ExecuteAsync(
            $"""
            INSERT INTO rule_endpoints ({Columns})
            VALUES (@rule, @direction, @connection_name, @recorded_at)
            ON CONFLICT (rule) DO NOTHING
            """,
            ct,
            P("rule", endpoint.Rule),
            P("direction", endpoint.Direction.ToString()),
            P("connection_name", endpoint.Connection),
            P("recorded_at", DbValues.ToDb(endpoint.RecordedAt)));
        return await database.QuerySingleOrDefaultAsync($"SELECT {Columns} FROM rule_endpoints WHERE rule = @rule", Map, ct, P("rule", endpoint.Rule))
            ?? endpoint;
    }

    public async Task<bool> DeleteAsync(string rule, CancellationToken ct) =>
        await database.ExecuteAsync("DELETE FROM rule_endpoints WHERE rule = @rule", ct, P("rule", rule)) > 0;

    private static RuleEndpoint Map(DbDataReader r) => new(r.GetString(0), r.GetEnum<RuleDirection>(1), r.GetString(2), r.GetInstant(3));
}
