using MassTransit;
using Microsoft.Extensions.Options;
using ProvisioningBus.Contracts;
using ProvisioningBus.Gateway.Admin;

namespace ProvisioningBus.Gateway.Status;

/// <summary>
/// <c>POST /api/rules/{rule}/provision</c> with <c>{"user": "&lt;pingone-user-id|email&gt;", "dryRun": false}</c>: the
/// CLI's <c>provision</c> over HTTP. The gateway holds no PingOne or Docusign client, so it asks a users worker over
/// RabbitMQ (<see cref="ProvisionUserNow"/>) and answers with the worker's steps.
/// </summary>
public static class ProvisionEndpoints
{
    public static RouteGroupBuilder MapProvisionOnDemand(this RouteGroupBuilder admin)
    {
        admin.MapPost("/api/rules/{rule}/provision", async (string rule, ProvisionRequest body, HttpContext http, IBus bus, IOptions<AdminOptions> options, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(body.User))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request.", detail: "user (a PingOne user id or email) is required.");
            }

            var timeout = options.Value.ProvisionTimeout;
            var client = bus.CreateRequestClient<ProvisionUserNow>(RequestTimeout.After(ms: (int)timeout.TotalMilliseconds));
            try
            {
                var response = await client.GetResponse<UserProvisionedNow>(new ProvisionUserNow
                {
                    RuleName = rule,
                    User = body.User.Trim(),
                    DryRun = body.DryRun,
                    // The admin surface has one shared token, so the caller is known by address only.
                    RequestedBy = $"api {http.Connection.RemoteIpAddress}",
                }, cancellationToken);
                var report = response.Message;
                return report.Result == ProvisionResult.NotFound ? Results.NotFound(report) : Results.Ok(report);
            }
            catch (RequestTimeoutException)
            {
                return Results.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: "No users worker answered.",
                    detail: $"No worker with the users role answered within {timeout.TotalSeconds:0.#} s ({AdminOptions.SectionName}:ProvisionTimeout).");
            }
            catch (RequestFaultException fault)
            {
                return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The provision failed on the worker.",
                    detail: string.Join("; ", fault.Fault?.Exceptions.Select(e => e.Message) ?? []));
            }
        });
        return admin;
    }

    /// <summary>The request body.</summary>
    public sealed record ProvisionRequest(string User, bool DryRun = false);
}
