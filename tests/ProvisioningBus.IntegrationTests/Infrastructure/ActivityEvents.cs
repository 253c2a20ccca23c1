namespace ProvisioningBus.IntegrationTests.Infrastructure;

/// <summary>PingOne ACTIVITY events shaped like the real ones (pingone-api.md §1.5), for posting to the gateway.</summary>
public static class ActivityEvents
{
    public static string UserEvent(string actionType, string environmentId, string userId, string userName, string? actorClientId = "adminui") =>
        $$$"""
        {"_embedded":{},"id":"{{{Guid.NewGuid()}}}","recordedAt":"{{{DateTimeOffset.UtcNow:O}}}",
         "actors":{"client":{"id":"{{{actorClientId}}}","name":"{{{actorClientId}}}","type":"CLIENT"}},
         "action":{"type":"{{{actionType}}}","description":"User"},
         "resources":[{"type":"USER","id":"{{{userId}}}","name":"{{{userName}}}","environment":{"id":"{{{environmentId}}}"},
           "href":"https://api.pingone.com/v1/environments/{{{environmentId}}}/users/{{{userId}}}"}],
         "result":{"status":"SUCCESS","description":"{{{actionType}}} {{{userName}}}"}}
        """;

    public static string Array(params string[] events) => "[" + string.Join(",", events) + "]";
}
