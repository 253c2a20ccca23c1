using Docusign.Emulator;
using ProvisioningBus.Drills.Tests.Infrastructure;
using EmulatedUserChanges = PingOne.Emulator.Directory.EmulatedUserChanges;

namespace ProvisioningBus.Drills.Tests.Drills;

[Collection(DrillsCollection.Name)]
public sealed class DocusignTurbulenceDrill(RabbitMqFixture broker)
{
    [Fact]
    public async Task Server_errors_then_a_429_storm_then_expired_tokens_all_converge()
    {
        await using var drill = await OutboundDrill.StartAsync(
            broker,
            // One-second burst windows on both sides, so a 429 storm costs seconds, not half-minutes.
            new DocusignEmulatorOptions { BurstWindow = TimeSpan.FromSeconds(1), BurstLimit = 1_000_000 });
        drill.Settings[$"Docusign:Connections:{OutboundDrill.ConnectionName}:BurstWindow"] = "00:00:01";
        // One user per bulk call, 32 at once: the turbulence is per call, and this drill counts calls per user.
        drill.Settings["Outbound:Users:BatchMessageLimit"] = "1";
        drill.Settings["Outbound:Users:BatchConcurrencyLimit"] = "32";
        await drill.StartWorkerAsync();

        // 1. 30 % of Docusign calls answer 503 from before the first change, then Docusign recovers.
        drill.Docusign.State.SetFaults(new EmulatorFaultSettings { ServerErrorRate = 0.3, Seed = 7 });
        var users = drill.CreateUsers("storm", 150);
        await Eventually.MatchesAsync(
            () => drill.Docusign.State.Requests.Count(request => request.StatusCode == 503),
            errors => errors >= 20,
            TimeSpan.FromSeconds(60),
            "Docusign answers 503 to a share of the calls");
        drill.Docusign.State.ClearFaults();
        await drill.AssertConvergedAsync(TimeSpan.FromSeconds(60), "every creation lands once despite the 5xx");

        // 2. A 429 storm: another app on the account spends every burst window while every user changes. The client
        // cannot foresee that from its own figures (it paces itself to whatever budget the headers show): the calls it
        // admitted on the figures it had meet 429s, and after that it tries one call a window and waits for the end.
        drill.Docusign.State.ConfigureRateLimits(burstLimit: 0);
        foreach (var user in users)
        {
            drill.PingOne.State.UpdateUser(user.Id, new EmulatedUserChanges { Title = "Storm chaser" });
        }

        await Eventually.MatchesAsync(
            () => drill.Docusign.State.Requests.Count(request => request.StatusCode == 429),
            limited => limited >= 5,
            TimeSpan.FromSeconds(30),
            "the worker meets the rate limit");
        drill.Docusign.State.ConfigureRateLimits(burstLimit: 1_000_000);
        await drill.AssertConvergedAsync(TimeSpan.FromSeconds(60), "every update lands after the storm");

        // 3. The access token expires mid-run (a little latency keeps the run going long enough to be cut).
        drill.Docusign.State.SetFaults(new EmulatorFaultSettings { Latency = TimeSpan.FromMilliseconds(20) });
        var refreshesBefore = drill.Docusign.State.RefreshCount;
        foreach (var user in users)
        {
            drill.PingOne.State.UpdateUser(user.Id, new EmulatedUserChanges { Title = "Token survivor" });
        }

        await Eventually.MatchesAsync(
            () => drill.Docusign.State.Requests.Count(request => request.Method == "PUT" && request.StatusCode == 200),
            updates => updates >= 150 + 30,
            TimeSpan.FromSeconds(30),
            "the last round of updates is under way");
        drill.Docusign.State.ExpireAccessTokens();
        drill.Docusign.State.ClearFaults();
        await drill.AssertConvergedAsync(TimeSpan.FromSeconds(60), "every update lands across the token expiry");

        Assert.True(drill.Docusign.State.RefreshCount > refreshesBefore, "the worker refreshed the expired token");
        Assert.Contains(drill.Docusign.State.Requests, request => request.StatusCode == 401);
        Assert.All(drill.PingOne.State.Users(), user => Assert.Equal("Token survivor", user.Title));
    }
}
