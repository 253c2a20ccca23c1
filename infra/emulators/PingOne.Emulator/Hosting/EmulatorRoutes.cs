using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PingOne.Emulator.Api;
using PingOne.Emulator.Directory;

namespace PingOne.Emulator.Hosting;

/// <summary>
/// Maps the real PingOne paths (<c>/v1/environments/{envId}/…</c>, <c>/{envId}/as/token</c>) and the
/// emulator's own surface under <c>/_emulator</c>, which no PingOne path starts with.
/// </summary>
internal static class EmulatorRoutes
{
    private const string CallerKey = "pingone.caller";

    public static void Map(WebApplication app, EmulatorContext context, Func<PingOneEmulator> emulator)
    {
        app.Use(async (http, next) =>
        {
            try
            {
                if (http.Request.Path.StartsWithSegments("/v1") && context.Faults.TryTake(out var injected))
                {
                    await ApiResults.Json(
                            ApiJson.Error(new EmulatorApiException(injected, "SERVICE_UNAVAILABLE", "Injected fault")), injected)
                        .ExecuteAsync(http);
                    return;
                }

                await next(http);
            }
            catch (EmulatorApiException error)
            {
                await ApiResults.Json(ApiJson.Error(error), error.StatusCode).ExecuteAsync(http);
            }
            catch (JsonException)
            {
                await ApiResults.Json(ApiJson.Error(EmulatorApiException.Invalid("The request body is not valid JSON")), 400).ExecuteAsync(http);
            }
        });

        var token = new TokenEndpoint(context);
        app.MapPost("/{environmentId}/as/token", (HttpRequest request, string environmentId, CancellationToken ct) => token.Issue(request, environmentId, ct));

        var environment = app.MapGroup("/v1/environments/{environmentId}");
        environment.AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var authorization = http.Request.Headers.Authorization.ToString();
            var clientId = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? context.Tokens.Validate(authorization["Bearer ".Length..].Trim())
                : null;
            if (clientId is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return ApiResults.Json(
                    ApiJson.Error(new EmulatorApiException(401, "INVALID_TOKEN", "The request could not be completed. The provided access token is invalid or expired.")),
                    401);
            }

            if (!string.Equals(http.GetRouteValue("environmentId") as string, context.Options.EnvironmentId, StringComparison.Ordinal))
            {
                return ApiResults.Json(
                    ApiJson.Error(new EmulatorApiException(403, "ACCESS_FAILED", "The request could not be completed. You do not have access to this resource.")),
                    403);
            }

            http.Items[CallerKey] = new DirectoryActor(clientId, clientId);
            return await next(invocation);
        });

        MapDirectory(environment, context, http => (DirectoryActor)http.Items[CallerKey]!);
        environment.MapGet("", () => ApiResults.Json(new JsonObject
        {
            ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = context.Json.EnvironmentHref("").TrimEnd('/') } },
            ["id"] = context.Options.EnvironmentId,
            ["name"] = "Emulated environment",
            ["region"] = "NA",
            ["type"] = "SANDBOX",
        }));

        var subscriptions = new SubscriptionsEndpoints(context);
        environment.MapGet("/subscriptions", (HttpRequest r) => subscriptions.List(r));
        environment.MapPost("/subscriptions", (HttpRequest r, CancellationToken ct) => subscriptions.Create(r, ct));
        environment.MapGet("/subscriptions/{subscriptionId}", (string subscriptionId) => subscriptions.Get(subscriptionId));
        environment.MapPut("/subscriptions/{subscriptionId}", (HttpRequest r, string subscriptionId, CancellationToken ct) => subscriptions.Replace(r, subscriptionId, ct));
        environment.MapDelete("/subscriptions/{subscriptionId}", (string subscriptionId) => subscriptions.Delete(subscriptionId));

        var activities = new ActivitiesEndpoints(context);
        environment.MapGet("/activities", (HttpRequest r) => activities.List(r));

        MapInspection(app, context, emulator);
    }

    private static void MapDirectory(RouteGroupBuilder group, EmulatorContext context, Func<HttpContext, DirectoryActor> actor)
    {
        var users = new UsersEndpoints(context);
        group.MapGet("/users", (HttpRequest r) => users.List(r));
        group.MapPost("/users", (HttpRequest r, CancellationToken ct) => users.Create(r, actor(r.HttpContext), ct));
        group.MapGet("/users/{userId}", (HttpRequest r, string userId) => users.Get(r, userId));
        group.MapPatch("/users/{userId}", (HttpRequest r, string userId, CancellationToken ct) => users.Patch(r, actor(r.HttpContext), userId, ct));
        group.MapPut("/users/{userId}", (HttpRequest r, string userId, CancellationToken ct) => users.Replace(r, actor(r.HttpContext), userId, ct));
        group.MapDelete("/users/{userId}", (HttpContext h, string userId) => users.Delete(actor(h), userId));
        group.MapGet("/users/{userId}/enabled", (string userId) => users.GetEnabled(userId));
        group.MapPut("/users/{userId}/enabled", (HttpRequest r, string userId, CancellationToken ct) => users.SetEnabled(r, actor(r.HttpContext), userId, ct));
        group.MapGet("/users/{userId}/population", (string userId) => users.GetPopulation(userId));
        group.MapPut("/users/{userId}/population", (HttpRequest r, string userId, CancellationToken ct) => users.SetPopulation(r, actor(r.HttpContext), userId, ct));
        group.MapGet("/users/{userId}/memberOfGroups", (HttpRequest r, string userId) => users.ListMemberships(r, userId));
        group.MapPost("/users/{userId}/memberOfGroups", (HttpRequest r, string userId, CancellationToken ct) => users.AddMembership(r, actor(r.HttpContext), userId, ct));
        group.MapGet("/users/{userId}/memberOfGroups/{groupId}", (HttpRequest r, string userId, string groupId) => users.GetMembership(r, userId, groupId));
        group.MapDelete("/users/{userId}/memberOfGroups/{groupId}", (HttpContext h, string userId, string groupId) => users.RemoveMembership(actor(h), userId, groupId));

        var groups = new GroupsEndpoints(context);
        group.MapGet("/groups", (HttpRequest r) => groups.List(r));
        group.MapPost("/groups", (HttpRequest r, CancellationToken ct) => groups.Create(r, actor(r.HttpContext), ct));
        group.MapGet("/groups/{groupId}", (string groupId) => groups.Get(groupId));
        group.MapPut("/groups/{groupId}", (HttpRequest r, string groupId, CancellationToken ct) => groups.Replace(r, actor(r.HttpContext), groupId, ct));
        group.MapDelete("/groups/{groupId}", (HttpContext h, string groupId) => groups.Delete(actor(h), groupId));

        var populations = new PopulationsEndpoints(context);
        group.MapGet("/populations", (HttpRequest r) => populations.List(r));
        group.MapPost("/populations", (HttpRequest r, CancellationToken ct) => populations.Create(r, actor(r.HttpContext), ct));
        group.MapGet("/populations/{populationId}", (string populationId) => populations.Get(populationId));
    }

    /// <summary>
    /// Test and demo surface, unauthenticated: <c>/_emulator/admin/…</c> mirrors the directory paths but acts as
    /// an administrator in the admin console; the rest inspects activities and deliveries.
    /// </summary>
    private static void MapInspection(WebApplication app, EmulatorContext context, Func<PingOneEmulator> emulator)
    {
        var inspection = app.MapGroup("/_emulator");
        inspection.MapGet("/activities", () => ApiResults.Json(new JsonArray([.. context.Log.Snapshot().Select(a => (JsonNode)a.ToJsonObject())])));
        inspection.MapGet("/subscriptions", () => ApiResults.Json(new JsonArray([.. context.Subscriptions.All().Select(d => (JsonNode)new JsonObject
        {
            ["id"] = d.Definition.Id,
            ["name"] = d.Definition.Name,
            ["enabled"] = d.Definition.Enabled,
            ["verifyTlsCertificates"] = d.Definition.VerifyTlsCertificates,
            ["deliveredThroughSequence"] = d.Cursor,
            ["deliveredEvents"] = d.DeliveredEvents,
            ["acceptedPosts"] = d.AcceptedPosts,
            ["failedPosts"] = d.FailedPosts,
            ["attempts"] = new JsonArray([.. d.Attempts().Select(a => (JsonNode)new JsonObject
            {
                ["at"] = ApiJson.Timestamp(a.At),
                ["events"] = a.EventCount,
                ["firstEventId"] = a.FirstEventId,
                ["status"] = a.StatusCode,
                ["accepted"] = a.Accepted,
            })]),
        })])));
        inspection.MapPost("/wait-for-delivery", async (double? timeoutSeconds, CancellationToken ct) =>
        {
            try
            {
                await emulator().WaitForDeliveryAsync(TimeSpan.FromSeconds(timeoutSeconds ?? 10), ct);
                return Results.Ok();
            }
            catch (TimeoutException timeout)
            {
                return Results.Problem(timeout.Message, statusCode: StatusCodes.Status504GatewayTimeout);
            }
        });
        inspection.MapPost("/faults", (int count, int? statusCode) =>
        {
            context.Faults.FailNext(count, statusCode ?? StatusCodes.Status503ServiceUnavailable);
            return Results.NoContent();
        });
        inspection.MapPost("/revoke-tokens", () =>
        {
            context.Tokens.RevokeAll();
            return Results.NoContent();
        });

        MapDirectory(inspection.MapGroup("/admin"), context, _ => context.State.AdminConsole);
    }
}
