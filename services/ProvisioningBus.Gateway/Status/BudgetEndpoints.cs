using ProvisioningBus.Core.ProvisioningLog;

namespace ProvisioningBus.Gateway.Status;

/// <summary>
/// <c>GET /api/budget?since=60m</c>, on the admin surface: each Docusign connection's remaining hourly and burst
/// budget over time (<see cref="DocusignBudgetHistory"/>), with a sample taken now so the newest point is current.
/// </summary>
public static class BudgetEndpoints
{
    public static RouteGroupBuilder MapDocusignBudget(this RouteGroupBuilder admin)
    {
        admin.MapGet("/api/budget", async (string? since, DocusignBudgetHistory history, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var (query, error) = LogFilter.Parse(null, null, null, since ?? "60m", null, null, null, time.GetUtcNow());
            if (query is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid filter.", detail: error);
            }

            await history.SampleAsync(cancellationToken);
            return Results.Ok(history.Read(query.Since!.Value));
        });
        return admin;
    }
}
