using System.Text.RegularExpressions;
using Docusign.Emulator;
using Microsoft.Extensions.Logging;
using PingOne.Emulator;
using ProvisioningBus.Drills.Tests.Infrastructure;
using ProvisioningBus.Inbound;
using EmulatedUserChanges = PingOne.Emulator.Directory.EmulatedUserChanges;

namespace ProvisioningBus.Drills.Tests.Drills;

[Collection(DrillsCollection.Name)]
public sealed partial class SecretsDrill(RabbitMqFixture broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task No_secret_or_token_appears_anywhere_in_the_logs_of_a_full_run()
    {
        // Distinctive values: a leak of any of them cannot hide among ordinary words.
        var observers = new DrillObservers { MinimumLevel = LogLevel.Trace };
        var outboundAccount = new DocusignEmulatorOptions { ClientSecret = "dsOutClientSecret-Q7x2Vb9K", InitialRefreshToken = "dsOutRefresh-Z4m8Tq1W" };
        await using var drill = await OutboundDrill.StartAsync(
            broker,
            outboundAccount,
            new PingOneEmulatorOptions { ClientSecret = "p1ClientSecret-H3n6Rk0Y" },
            observers,
            webhookSecret: "webhookSecret-J5c9Pw2X-long-enough");
        await using var inboundAccount = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions
        {
            ClientSecret = "dsInClientSecret-L8d1Fs4N",
            InitialRefreshToken = "dsInRefresh-U2g7Ye5M",
        });
        var population = drill.PingOne.State.CreatePopulation("From Docusign").Id;
        var inboundSettings = new Dictionary<string, string?>(drill.Settings);
        InboundRule.AddTo(inboundSettings, "from-docusign", "inbound-source", inboundAccount, drill.PingOne, population);

        await drill.StartWorkerAsync();
        var users = drill.CreateUsers("secret", 10);
        await drill.AssertConvergedAsync(Timeout, "the outbound run provisions the users");

        // Make every credential move: an expired Docusign access token (refresh, rotation), failing token calls, revoked PingOne tokens.
        drill.Docusign.State.ExpireAccessTokens();
        drill.Docusign.State.SetFaults(new EmulatorFaultSettings { PathPrefix = "/oauth", FailNextRequests = 2 });
        drill.PingOne.RevokeTokens();
        foreach (var user in users)
        {
            drill.PingOne.State.UpdateUser(user.Id, new EmulatedUserChanges { Title = "Rotated" });
        }

        await drill.AssertConvergedAsync(Timeout, "the updates land across the token refresh");

        // Inbound on a second account: its Docusign users (the five and its administrator) into PingOne (and from there, as ordinary changes, back out).
        foreach (var i in Enumerable.Range(1, 5))
        {
            inboundAccount.State.SeedUser($"Inbound User{i}", $"inbound{i}@drill.example", "Inbound", $"User{i}", "Clerk");
        }

        await using var inbound = await InProcessService.StartAsync(inboundSettings, builder => builder.AddInbound(), null, observers);
        await Eventually.MatchesAsync(
            () => drill.PingOne.State.Users().Count(user => user.PopulationId == population),
            count => count == inboundAccount.State.Users.Count,
            Timeout,
            "the inbound rule provisions the Docusign users into PingOne");
        await drill.AssertConvergedAsync(Timeout, "the inbound users flow out again as PingOne changes");
        await drill.PingOne.WaitForDeliveryAsync(Timeout);
        await inbound.StopAsync();

        string[] secrets =
        [
            outboundAccount.ClientSecret, outboundAccount.InitialRefreshToken, drill.Docusign.State.CurrentRefreshToken,
            inboundAccount.Options.ClientSecret, inboundAccount.Options.InitialRefreshToken, inboundAccount.State.CurrentRefreshToken,
            drill.PingOne.ClientSecret, drill.WebhookSecret,
            .. observers.Credentials.Tokens,
        ];
        var lines = observers.Logs.Lines.ToList();
        Assert.True(observers.Credentials.Tokens.Count >= 6, $"the recorder saw the tokens in use ({observers.Credentials.Tokens.Count})");
        Assert.True(drill.Docusign.State.RefreshCount >= 2, "the outbound chain rotated at least once after the first refresh");
        Assert.Contains(lines, line => line.StartsWith("Debug", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Exception", StringComparison.Ordinal) || line.StartsWith("Warning", StringComparison.Ordinal));
        var leaks = (from line in lines
                     from secret in secrets
                     where line.Contains(secret, StringComparison.Ordinal)
                     select $"{Describe(secret, secrets)} in: {line[..Math.Min(line.Length, 300)].Replace(secret, "<SECRET>", StringComparison.Ordinal)}").ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} log lines carry a secret:\n{string.Join('\n', leaks.Take(10))}");
        Assert.DoesNotContain(lines, line => BearerToken().IsMatch(line));
    }

    private static string Describe(string secret, string[] secrets) => $"secret #{Array.IndexOf(secrets, secret)} ({secret.Length} chars)";

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9\-_\.~+/]{8,}")]
    private static partial Regex BearerToken();
}
