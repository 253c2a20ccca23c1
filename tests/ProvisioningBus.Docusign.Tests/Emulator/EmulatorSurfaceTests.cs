using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Docusign.Emulator;
using Microsoft.Extensions.Configuration;

namespace ProvisioningBus.Docusign.Tests.Emulator;

/// <summary>The emulator spoken to with a plain HttpClient: Docusign's shapes, headers and the /_emulator surface.</summary>
public sealed class EmulatorSurfaceTests
{
    [Fact]
    public async Task The_token_endpoint_rotates_refresh_tokens_and_refuses_a_used_one()
    {
        await using var emulator = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };

        var (status, first) = await RedeemAsync(http, emulator, emulator.Options.InitialRefreshToken);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", first["token_type"]!.GetValue<string>());
        Assert.Equal(28800, first["expires_in"]!.GetValue<int>());
        var rotated = first["refresh_token"]!.GetValue<string>();
        Assert.NotEqual(emulator.Options.InitialRefreshToken, rotated);

        var (reusedStatus, reused) = await RedeemAsync(http, emulator, emulator.Options.InitialRefreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, reusedStatus);
        Assert.Equal("invalid_grant", reused["error"]!.GetValue<string>());

        var (nextStatus, _) = await RedeemAsync(http, emulator, rotated);
        Assert.Equal(HttpStatusCode.OK, nextStatus);

        var (badClientStatus, badClient) = await RedeemAsync(http, emulator, emulator.State.CurrentRefreshToken, secret: "nope");
        Assert.Equal(HttpStatusCode.Unauthorized, badClientStatus);
        Assert.Equal("invalid_client", badClient["error"]!.GetValue<string>());
        Assert.Equal(2, emulator.State.RefreshCount);
    }

    [Fact]
    public async Task Rest_calls_without_a_valid_bearer_token_get_401_in_Docusigns_error_shape()
    {
        await using var emulator = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var http = new HttpClient { BaseAddress = emulator.AccountUri };

        using var missing = await http.GetAsync("users");
        using var bogus = await SendAsync(http, HttpMethod.Get, "users", "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("USER_AUTHENTICATION_FAILED", (await missing.Content.ReadFromJsonAsync<JsonObject>())!["errorCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, bogus.StatusCode);
        var body = (await bogus.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("AUTHORIZATION_INVALID_TOKEN", body["errorCode"]!.GetValue<string>());
        Assert.NotNull(body["message"]);
    }

    [Fact]
    public async Task Rest_answers_carry_rate_limit_headers_and_paging_numbers_as_strings()
    {
        await using var emulator = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions { HourlyLimit = 100, BurstLimit = 10 });
        using var http = new HttpClient { BaseAddress = emulator.AccountUri };
        var token = await AccessTokenAsync(emulator);

        using var response = await SendAsync(http, HttpMethod.Get, "users?count=1", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("100", response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("99", response.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("10", response.Headers.GetValues("X-BurstLimit-Limit").Single());
        Assert.Equal("9", response.Headers.GetValues("X-BurstLimit-Remaining").Single());
        var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(response.Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, reset.Minute);
        Assert.True(reset > DateTimeOffset.UtcNow);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("1", body["resultSetSize"]!.GetValue<string>());
        Assert.Equal("0", body["endPosition"]!.GetValue<string>());
        Assert.Equal("True", body["users"]![0]!["isAdmin"]!.GetValue<string>()); // the seeded consenting administrator
    }

    [Fact]
    public async Task Invalid_paging_and_oversized_bulk_creates_are_refused()
    {
        await using var emulator = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var http = new HttpClient { BaseAddress = emulator.AccountUri };
        var token = await AccessTokenAsync(emulator);

        using var tooMany = await SendAsync(http, HttpMethod.Get, "users?count=101", token);
        var newUsers = new JsonArray([.. Enumerable.Range(0, 501).Select(i => (JsonNode)new JsonObject { ["userName"] = $"U{i}", ["email"] = $"u{i}@example.com" })]);
        using var tooBig = await SendAsync(http, HttpMethod.Post, "users", token, new JsonObject { ["newUsers"] = newUsers });
        using var unknownGroup = await SendAsync(http, HttpMethod.Get, "groups/1/users", token);

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownGroup.StatusCode);
        Assert.Equal("INVALID_GROUP_ID", (await unknownGroup.Content.ReadFromJsonAsync<JsonObject>())!["errorCode"]!.GetValue<string>());
        Assert.Single(emulator.State.Users);
    }

    [Fact]
    public async Task The_inspection_surface_controls_faults_and_reset_and_is_not_logged()
    {
        await using var emulator = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        var token = await AccessTokenAsync(emulator);

        using var seeded = await http.PostAsJsonAsync("_emulator/users", new { userName = "Seed", email = "seed@example.com" });
        using var faults = await http.PostAsJsonAsync("_emulator/faults", new { pathPrefix = "/restapi", failNextRequests = 1, serverErrorStatusCode = 502 });
        using var failed = await SendAsync(http, HttpMethod.Get, $"restapi/v2.1/accounts/{emulator.AccountId}/users", token);
        using var ok = await SendAsync(http, HttpMethod.Get, $"restapi/v2.1/accounts/{emulator.AccountId}/users", token);
        var log = (await http.GetFromJsonAsync<JsonArray>("_emulator/requests"))!;
        var state = (await http.GetFromJsonAsync<JsonObject>("_emulator/state"))!;

        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, faults.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(2, state["users"]!.AsArray().Count);
        Assert.DoesNotContain(log, r => r!["path"]!.GetValue<string>().StartsWith("/_emulator", StringComparison.Ordinal));
        Assert.Contains(log, r => r!["statusCode"]!.GetValue<int>() == 502);
        Assert.DoesNotContain(log.Where(r => r!["path"]!.GetValue<string>() == "/oauth/token"), r => r!["requestBody"] is not null);

        using var reset = await http.PostAsync("_emulator/reset", null);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Single(emulator.State.Users);
        Assert.Empty(emulator.State.Requests);
        Assert.Equal(emulator.Options.InitialRefreshToken, emulator.State.CurrentRefreshToken);
        Assert.Equal(2, emulator.State.Groups.Count);
    }

    [Fact]
    public async Task Userinfo_lists_the_account_with_the_emulator_as_base_uri()
    {
        await using var emulator = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        var token = await AccessTokenAsync(emulator);

        using var response = await SendAsync(http, HttpMethod.Get, "oauth/userinfo", token);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(emulator.State.AdminUserId, body["sub"]!.GetValue<string>());
        var account = body["accounts"]![0]!;
        Assert.Equal(emulator.AccountId, account["account_id"]!.GetValue<string>());
        Assert.True(account["is_default"]!.GetValue<bool>());
        Assert.Equal(emulator.BaseUri.GetLeftPart(UriPartial.Authority), account["base_uri"]!.GetValue<string>());
    }

    [Fact]
    public void Options_bind_from_the_Docusign_Emulator_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Docusign:Emulator:Port"] = "5081",
            ["Docusign:Emulator:AccountId"] = "11111111-2222-3333-4444-555555555555",
            ["Docusign:Emulator:HourlyLimit"] = "42",
            ["Docusign:Emulator:AccessTokenLifetime"] = "00:30:00",
            ["Docusign:Emulator:TimeScale"] = "60",
            ["Docusign:Emulator:Faults:ServerErrorRate"] = "0.1",
            ["Docusign:Emulator:Faults:Latency"] = "00:00:00.050",
        }).Build();

        var options = configuration.GetSection("Docusign:Emulator").Get<DocusignEmulatorOptions>()!;

        Assert.Equal(5081, options.Port);
        Assert.Equal("11111111-2222-3333-4444-555555555555", options.AccountId);
        Assert.Equal(42, options.HourlyLimit);
        Assert.Equal(TimeSpan.FromMinutes(30), options.AccessTokenLifetime);
        Assert.Equal(60, options.TimeScale);
        Assert.Equal(0.1, options.Faults.ServerErrorRate);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.Faults.Latency);
    }

    [Fact]
    public async Task A_scaled_clock_lets_an_hourly_window_pass_in_about_a_second()
    {
        await using var emulator = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions { TimeScale = 3600, HourlyLimit = 1 });
        using var http = new HttpClient { BaseAddress = emulator.AccountUri };
        var token = await AccessTokenAsync(emulator);

        using var first = await SendAsync(http, HttpMethod.Get, "users?count=1", token);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40 && statuses.LastOrDefault() != HttpStatusCode.OK; i++)
        {
            using var next = await SendAsync(http, HttpMethod.Get, "users?count=1", token);
            statuses.Add(next.StatusCode);
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, statuses[^1]);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> RedeemAsync(HttpClient http, DocusignEmulator emulator, string refreshToken, string? secret = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "refresh_token"), new("refresh_token", refreshToken)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{emulator.Options.ClientId}:{secret ?? emulator.Options.ClientSecret}")));
        using var response = await http.SendAsync(request);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private static async Task<string> AccessTokenAsync(DocusignEmulator emulator)
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        var (_, body) = await RedeemAsync(http, emulator, emulator.State.CurrentRefreshToken);
        return body["access_token"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string token, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }
}
