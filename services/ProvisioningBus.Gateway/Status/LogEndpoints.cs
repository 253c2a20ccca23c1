using ProvisioningBus.Core.ProvisioningLog;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Gateway.Status;

/// <summary>
/// The provisioning log over HTTP, on the admin surface: <c>GET /api/log?rule=&amp;entity=&amp;outcome=&amp;since=&amp;until=&amp;offset=&amp;limit=</c>
/// (a page, newest first; <c>format=csv</c> for the CSV the CLI writes) and <c>GET /api/log/per-minute?since=</c> for charts.
/// </summary>
public static class LogEndpoints
{
    public static RouteGroupBuilder MapProvisioningLog(this RouteGroupBuilder admin)
    {
        var log = admin.MapGroup("/api/log");
        log.MapGet("/", async (
            string? rule, string? entity, string? outcome, string? since, string? until, int? offset, int? limit, string? format,
            IProvisioningLogStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (query, error) = LogFilter.Parse(rule, entity, outcome, since, until, offset, limit, time.GetUtcNow());
            if (query is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid filter.", detail: error);
            }

            var page = await store.QueryAsync(query, cancellationToken);
            if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            {
                using var csv = new StringWriter();
                LogCsv.Write(csv, page.Entries);
                return Results.Text(csv.ToString(), "text/csv; charset=utf-8");
            }

            return Results.Ok(page);
        });
        log.MapGet("/per-minute", async (string? since, IProvisioningLogStore store, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (query, error) = LogFilter.Parse(null, null, null, since ?? "60m", null, null, null, time.GetUtcNow());
            return query is null
                ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid filter.", detail: error)
                : Results.Ok(await store.CountPerMinuteAsync(query.Since!.Value, cancellationToken));
        });
        return log;
    }
}
