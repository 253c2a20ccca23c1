using System.Text.Json.Nodes;
using Docusign.Emulator.Infrastructure;

namespace Docusign.Emulator.Accounts;

/// <summary>Accounts_GetAccount (a cheap read for Test Connection) and PermissionProfiles_GetPermissionProfiles.</summary>
internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder account)
    {
        account.MapGet("/", Get);
        account.MapGet("/permission_profiles", PermissionProfilesList);
    }

    private static IResult Get(DocusignEmulatorState state) =>
        EmulatorJson.Respond(EmulatorJson.Object(
            ("accountIdGuid", state.AccountId),
            ("accountName", state.AccountName),
            ("planName", "DEVELOPER"),
            ("currencyCode", "USD"),
            ("suspensionStatus", null),
            ("seatsInUse", EmulatorJson.Number(state.Users.Count(u => !string.Equals(u.UserStatus, "Closed", StringComparison.OrdinalIgnoreCase))))));

    private static IResult PermissionProfilesList() =>
        EmulatorJson.Respond(new JsonObject
        {
            ["permissionProfiles"] = new JsonArray([.. PermissionProfiles.Names.Select(p => (JsonNode)EmulatorJson.Object(
                ("permissionProfileId", p.Key),
                ("permissionProfileName", p.Value)))]),
        });
}
