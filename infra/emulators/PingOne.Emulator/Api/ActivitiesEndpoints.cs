using Microsoft.AspNetCore.Http;
using PingOne.Emulator.Activities;
using PingOne.Emulator.Filtering;

namespace PingOne.Emulator.Api;

/// <summary>
/// <c>GET /environments/{envId}/activities</c>, the pull fallback for events (fact sheet §1.3), with
/// <c>recordedat</c> bounds and <c>action.type</c> in the filter.
/// </summary>
internal sealed class ActivitiesEndpoints(EmulatorContext context)
{
    private static readonly HashSet<string> FilterableAttributes = new(StringComparer.OrdinalIgnoreCase) { "recordedat", "action.type", "id" };

    public IResult List(HttpRequest request)
    {
        var predicate = ScimFilter.Compile(request.Query["filter"].ToString(), FilterableAttributes);
        var matching = context.Log.Snapshot().Where(a => predicate(Subject(a))).ToList();
        return ApiResults.Json(Paging.Page(request, "activities", matching, a => a.Sequence, a => a.ToJsonObject(), 1000));
    }

    private static ScimSubject Subject(RecordedActivity activity)
    {
        var json = activity.ToJsonObject();
        return new ScimSubject(
            path => path.ToLowerInvariant() switch
            {
                "recordedat" => (string?)json["recordedAt"],
                "action.type" => activity.ActionType,
                "id" => activity.Id,
                _ => null,
            },
            _ => false);
    }
}
