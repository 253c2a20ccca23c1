using MassTransit;
using ProvisioningBus.Core.ProvisioningLog;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.State;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Gateway.Status;

/// <summary>
/// <c>POST /api/rules/{rule}/approve-deletions</c> with <c>{"holdId": "…"}</c>: the status page's Approve button, and
/// the CLI's <c>approve-deletions</c> over HTTP (<see cref="HeldDeletions"/> decides for both). The hold id the page
/// showed must still be the one held: a newer hold is answered 409, not approved unseen.
/// </summary>
public static class ApprovalEndpoints
{
    public static RouteGroupBuilder MapDeletionApprovals(this RouteGroupBuilder admin)
    {
        admin.MapPost("/api/rules/{rule}/approve-deletions", async (
            string rule, ApprovalRequest? body, HttpContext http, IConfiguration configuration, IProvisioningStore store, IBus bus, TimeProvider time,
            CancellationToken cancellationToken) =>
        {
            var lookup = await HeldDeletions.FindAsync(configuration, store, rule, cancellationToken);
            if (!lookup.RuleKnown)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown rule.", detail: $"No rule named '{rule}' is configured.");
            }

            if (lookup.Held is not { } held)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to approve.", detail: $"Rule '{rule}' has no deletions waiting for approval.");
            }

            if (body?.HoldId is { } shown && shown != held.HoldId)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Another hold.",
                    detail: $"Rule '{rule}' now holds {held.HoldId} ({held.Reason}), not {shown}: review it before approving.");
            }

            // The admin surface has one shared token, so the caller is known by address only.
            var approvedBy = $"api {http.Connection.RemoteIpAddress}";
            await held.PublishApprovalAsync(bus, approvedBy, time.GetUtcNow(), cancellationToken);
            await store.ProvisioningLog.AppendManyAsync(
                [OperatorActions.Entry(time.GetUtcNow(), rule, "approve-deletions", approvedBy, ProvisioningLogValues.Success, held.LogReason)], cancellationToken);
            return Results.Ok(new ApprovalResponse(rule, held.HoldId, held.Reason, held.Approved));
        });
        return admin;
    }

    /// <summary>The request body: the hold the operator reviewed (optional for scripts).</summary>
    public sealed record ApprovalRequest(Guid? HoldId);

    public sealed record ApprovalResponse(string Rule, Guid HoldId, string? Reason, string Message);
}
