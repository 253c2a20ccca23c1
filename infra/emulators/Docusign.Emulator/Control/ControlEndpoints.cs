using Docusign.Emulator.Infrastructure;

namespace Docusign.Emulator.Control;

/// <summary>
/// Inspection and control surface under <c>/_emulator</c> (no Docusign path starts with an underscore): request log,
/// state dump, faults, rate limits, token expiry, reset. Never authenticated, never rate-limited, never logged.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var control = routes.MapGroup(EmulatorPaths.Control);
        control.MapGet("/requests", (DocusignEmulatorState state) => Json(state.Requests));
        control.MapDelete("/requests", (DocusignEmulatorState state) =>
        {
            state.ClearRequests();
            return Results.NoContent();
        });
        control.MapGet("/state", (DocusignEmulatorState state) => Json(new
        {
            state.AccountId,
            state.AdminUserId,
            state.TokenUserIsAdmin,
            state.RefreshCount,
            state.TokenRequestCount,
            Users = state.Users,
            Groups = state.Groups.Select(g => new { Group = g, MemberIds = state.GetGroupMemberIds(g.GroupId) }),
        }));
        control.MapGet("/faults", (DocusignEmulatorState state) => Json(state.Faults));
        control.MapPost("/faults", (EmulatorFaultSettings faults, DocusignEmulatorState state) =>
        {
            state.SetFaults(faults);
            return Json(state.Faults);
        });
        control.MapDelete("/faults", (DocusignEmulatorState state) =>
        {
            state.ClearFaults();
            return Results.NoContent();
        });
        control.MapPost("/rate-limits", (RateLimitChange change, DocusignEmulatorState state) =>
        {
            state.ConfigureRateLimits(change.HourlyLimit, change.BurstLimit, change.StatusCode);
            return Results.NoContent();
        });
        control.MapPost("/reset", (DocusignEmulatorState state) =>
        {
            state.Reset();
            return Results.NoContent();
        });
        control.MapPost("/oauth/expire-access-tokens", (DocusignEmulatorState state) =>
        {
            state.ExpireAccessTokens();
            return Results.NoContent();
        });
        control.MapPost("/oauth/revoke-refresh-token", (DocusignEmulatorState state) =>
        {
            state.RevokeRefreshToken();
            return Results.NoContent();
        });
        control.MapPost("/permissions", (bool tokenUserIsAdmin, DocusignEmulatorState state) =>
        {
            state.TokenUserIsAdmin = tokenUserIsAdmin;
            return Results.NoContent();
        });
        control.MapPost("/users", (SeedUserRequest request, DocusignEmulatorState state) =>
            Json(state.SeedUser(request.UserName, request.Email, request.FirstName, request.LastName, request.JobTitle, request.UserStatus ?? "Active")));
        control.MapPost("/users/{userId}/activate", (string userId, DocusignEmulatorState state) =>
        {
            state.ActivateUser(userId);
            return state.FindUser(userId) is { } user ? Json(user) : Results.NotFound();
        });
    }

    private static IResult Json(object value) => Results.Json(value, EmulatorJson.ControlOptions);
}
