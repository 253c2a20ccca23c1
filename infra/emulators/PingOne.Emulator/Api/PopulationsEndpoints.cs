using Microsoft.AspNetCore.Http;
using PingOne.Emulator.Directory;

namespace PingOne.Emulator.Api;

/// <summary>Populations: list, read and create.</summary>
internal sealed class PopulationsEndpoints(EmulatorContext context)
{
    public IResult List(HttpRequest request)
    {
        var users = context.State.Users();
        return ApiResults.Json(Paging.Page(
            request,
            "populations",
            context.State.Populations(),
            p => p.Sequence,
            p => context.Json.Population(p, users.Count(u => u.PopulationId == p.Id)),
            1000));
    }

    public IResult Get(string populationId)
    {
        var population = context.State.FindPopulation(populationId) ?? throw EmulatorApiException.NotFound($"population with id {populationId}");
        return ApiResults.Json(context.Json.Population(population, context.State.Users().Count(u => u.PopulationId == populationId)));
    }

    public async Task<IResult> Create(HttpRequest request, DirectoryActor actor, CancellationToken ct)
    {
        var body = await ApiResults.ReadObjectAsync(request, ct);
        var population = context.State.CreatePopulation(actor, ApiResults.String(body, "name") ?? string.Empty, ApiResults.String(body, "description"));
        return ApiResults.Json(context.Json.Population(population, 0), StatusCodes.Status201Created);
    }
}
