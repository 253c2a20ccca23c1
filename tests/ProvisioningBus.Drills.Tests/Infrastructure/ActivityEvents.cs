namespace ProvisioningBus.Drills.Tests.Infrastructure;

/// <summary>PingOne ACTIVITY events shaped like the real ones (pingone-api.md §1.5), for posting to the gateway by hand.</summary>
public static class ActivityEvents
{
    public static string UserEvent(string actionType, string environmentId, string userId, string userName) =>
        $$$"""
        {"_embedded":{},"id":"{{{Guid.NewGuid()}}}","recordedAt":"{{{DateTimeOffset.UtcNow:O}}}",
         "actors":{"client":{"id":"adminui","name":"adminui","type":"CLIENT"}},
         "action":{"type":"{{{actionType}}}","description":"User"},
         "resources":[{"type":"USER","id":"{{{userId}}}","name":"{{{userName}}}","environment":{"id":"{{{environmentId}}}"},
           "href":"https://api.pingone.com/v1/environments/{{{environmentId}}}/users/{{{userId}}}"}],
         "result":{"status":"SUCCESS","description":"{{{actionType}}} {{{userName}}}"}}
        """;

    public static string Array(params string[] events) => "[" + string.Join(",", events) + "]";
}
