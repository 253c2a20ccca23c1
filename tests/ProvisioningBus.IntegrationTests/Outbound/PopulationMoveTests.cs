using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PingOne.Emulator;
using PingOne.Emulator.Directory;
using ProvisioningBus.IntegrationTests.Infrastructure;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>
/// A rule scoped to a population: a user moved out of it (<c>PUT /users/{id}/population</c>) is deprovisioned, and moved
/// back in is provisioned again, each from the USER.UPDATED event the move emits.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class PopulationMoveTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task A_user_moved_out_of_the_scoped_population_is_closed_and_moved_back_is_reactivated()
    {
        const string Rule = "staff-population";
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup> { [Rule] = new(Rule) });
        var staff = testbed.PingOne.State.CreatePopulation("Staff").Id;
        var contractors = testbed.PingOne.State.CreatePopulation("Contractors").Id;
        await testbed.StopWorkersAsync();
        testbed.Settings[$"Outbound:Rules:{Rule}:Scope:Conditions:0:Attribute"] = "population.id";
        testbed.Settings[$"Outbound:Rules:{Rule}:Scope:Conditions:0:Value"] = staff;
        await testbed.StartWorkerAsync();
        await testbed.Worker.WaitForRulesSettledAsync(TimeSpan.FromSeconds(60));

        var mover = testbed.PingOne.State.CreateUser("mover", "mover@example.com", new EmulatedUserName("Mo", "Ver"), populationId: staff);
        await testbed.WaitForUserAsync(Rule, mover.Email!, user => user.UserStatus == "ActivationSent", "a user of the scoped population is provisioned");

        await MoveAsync(testbed.PingOne, mover.Id, contractors);
        await testbed.WaitForUserAsync(Rule, mover.Email!, user => user.UserStatus == "Closed", "moved out of the population, the user is deprovisioned");

        await MoveAsync(testbed.PingOne, mover.Id, staff);
        await testbed.WaitForUserAsync(Rule, mover.Email!, user => user.UserStatus != "Closed", "moved back in, the user is provisioned again");
    }

    /// <summary>The move through the Management API, as an administrator's tool would make it (not the worker's client, whose events are ours).</summary>
    private static async Task MoveAsync(PingOneEmulator pingOne, string userId, string populationId)
    {
        using var http = new HttpClient();
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, pingOne.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{pingOne.ClientId}:{pingOne.ClientSecret}")));
        using var tokenResponse = await http.SendAsync(tokenRequest);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();

        using var move = new HttpRequestMessage(HttpMethod.Put, $"{pingOne.ApiBaseUri}/environments/{pingOne.EnvironmentId}/users/{userId}/population")
        {
            Content = JsonContent.Create(new { id = populationId }),
        };
        move.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var moved = await http.SendAsync(move);
        moved.EnsureSuccessStatusCode();
        Assert.Equal(populationId, (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
    }
}
