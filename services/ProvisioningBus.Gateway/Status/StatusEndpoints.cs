using ProvisioningBus.Core.Status;
using ProvisioningBus.Gateway.Admin;

namespace ProvisioningBus.Gateway.Status;

/// <summary>Sync status over HTTP: JSON for scripts and one page for people (no front-end build).</summary>
public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapSyncStatus(this IEndpointRouteBuilder endpoints)
    {
        // One group, one guard: every admin surface is behind Gateway:Admin:Token, none is reachable without it.
        var admin = endpoints.MapGroup("").AddEndpointFilter<AdminAuthenticationFilter>();
        var api = admin.MapGroup("/api/status");
        api.MapGet("/", (SyncStatusReader reader, CancellationToken cancellationToken) => reader.ReadAsync(cancellationToken));
        api.MapGet("/rules/{rule}", async (string rule, SyncStatusReader reader, CancellationToken cancellationToken) =>
            await reader.ReadRuleAsync(rule, cancellationToken) is { } status
                ? Results.Ok(status)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown rule.", detail: $"No rule named '{rule}' is configured (known: {string.Join(", ", reader.RuleNames())})."));
        api.MapGet("/rules/{rule}/failures", async (string rule, int? limit, SyncStatusReader reader, CancellationToken cancellationToken) =>
            reader.RuleNames().Contains(rule)
                ? Results.Ok(await reader.ListFailuresAsync(rule, Math.Clamp(limit ?? 100, 1, 1000), cancellationToken))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown rule.", detail: $"No rule named '{rule}' is configured."));

        admin.MapProvisioningLog();
        admin.MapProvisionOnDemand();
        admin.MapDeletionApprovals();
        admin.MapDocusignBudget();
        admin.MapGet("/status", () => Results.Content(StatusPage.Html, "text/html; charset=utf-8"));
        admin.MapGet("/", () => Results.Redirect("/status"));
        return endpoints;
    }
}
