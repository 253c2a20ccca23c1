using Docusign.Emulator;
using Microsoft.Extensions.Time.Testing;
using ProvisioningBus.Docusign;

namespace ProvisioningBus.Docusign.Tests.RateLimits;

/// <summary>
/// Rate-limit waits run on a fake clock shared by the emulator and the client: the test advances time in steps
/// and checks that the client retried only once the window had reset — no real hour passes.
/// </summary>
public sealed class RateLimitTests
{
    private static readonly DateTimeOffset s_start = new(2026, 5, 4, 10, 17, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_nextHour = new(2026, 5, 4, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_client_that_spent_the_hourly_budget_asks_once_a_minute_and_sends_for_real_after_the_reset()
    {
        var clock = new FakeTimeProvider(s_start);
        await using var context = await StartAsync(clock, new DocusignEmulatorOptions { TimeProvider = clock, HourlyLimit = 3 });
        var client = context.Client;
        for (var i = 0; i < 3; i++)
        {
            await client.GetUserAsync(context.State.AdminUserId);
        }

        Assert.Equal(0, client.RateBudget.HourlyRemaining);
        Assert.Equal(s_nextHour, client.RateBudget.HourlyResetsAt);

        var call = client.ListUsersAsync().ToListAsync().AsTask();
        await Task.Delay(100);
        Assert.False(call.IsCompleted);
        Assert.Equal(3, context.RestRequests().Count); // paced: nothing sent into a spent window
        await AdvanceUntilAsync(clock, call, TimeSpan.FromMinutes(1));

        Assert.Single(await call);
        var requests = context.RestRequests();
        // Within the spent hour only probes went out, at most one a minute, each refused; the call itself after the reset.
        var probes = requests.Skip(3).SkipLast(1).ToList();
        Assert.All(probes, probe => Assert.Equal(429, probe.StatusCode));
        Assert.All(probes.Zip(probes.Skip(1)), pair => Assert.True(pair.Second.Timestamp - pair.First.Timestamp >= TimeSpan.FromMinutes(1), $"{pair.First.Timestamp:O} → {pair.Second.Timestamp:O}"));
        Assert.True(probes.Count <= 60, $"{probes.Count} probes in an hour");
        Assert.Equal(200, requests[^1].StatusCode);
        Assert.True(requests[^1].Timestamp >= s_nextHour, $"sent at {requests[^1].Timestamp:O}");
        Assert.Equal(2, client.RateBudget.HourlyRemaining); // the new window: 3 - 1
    }

    [Theory]
    [InlineData(429)]
    [InlineData(400)]
    public async Task An_unexpected_hourly_limit_answer_is_probed_once_a_minute_and_a_raised_limit_is_used_before_the_reset(int statusCode)
    {
        var clock = new FakeTimeProvider(s_start);
        await using var context = await StartAsync(clock, new DocusignEmulatorOptions { TimeProvider = clock, RateLimitStatusCode = statusCode });
        var client = context.Client;
        await client.GetUserAsync(context.State.AdminUserId);
        Assert.Equal(2999, client.RateBudget.HourlyRemaining);

        // Another app on the same account spends the rest of the hour: the client's budget does not know.
        context.State.ConfigureRateLimits(hourlyLimit: 0);
        var call = client.GetUserAsync(context.State.AdminUserId);
        await WaitForAsync(() => context.RestRequests().Any(r => r.StatusCode == statusCode));
        await Task.Delay(100);
        Assert.False(call.IsCompleted);
        Assert.Single(context.RestRequests(), r => r.StatusCode == statusCode); // no hammering while waiting
        Assert.Equal(0, client.RateBudget.HourlyRemaining);
        Assert.True(client.RateBudget.BlockedUntil >= s_start.AddMinutes(1));

        // The account's limit is raised mid-hour: the next probe finds out, without a restart or the reset.
        context.State.ConfigureRateLimits(hourlyLimit: 3000);
        await AdvanceUntilAsync(clock, call, TimeSpan.FromSeconds(20));

        Assert.NotNull(await call);
        var success = context.RestRequests()[^1];
        Assert.Equal(200, success.StatusCode);
        Assert.True(success.Timestamp < s_nextHour, $"retried at {success.Timestamp:O}, before the reset");
    }

    [Fact]
    public async Task A_client_that_spent_the_burst_budget_waits_for_the_window_end_without_a_429()
    {
        var clock = new FakeTimeProvider(s_start.AddSeconds(10));
        await using var context = await StartAsync(clock, new DocusignEmulatorOptions { TimeProvider = clock, BurstLimit = 2 });
        var client = context.Client;
        await client.GetUserAsync(context.State.AdminUserId);
        await client.GetUserAsync(context.State.AdminUserId);
        Assert.Equal(0, client.RateBudget.BurstRemaining);
        Assert.Equal(2, client.RateBudget.BurstLimit);

        var call = client.GetUserAsync(context.State.AdminUserId);
        await AdvanceUntilAsync(clock, call, TimeSpan.FromSeconds(1));

        Assert.NotNull(await call);
        var requests = context.RestRequests();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(200, r.StatusCode));
        // The emulator's windows start on multiples of 30 s: the third call waits for 10:17:30, not 30 s from the second.
        Assert.InRange(requests[2].Timestamp, s_start.AddSeconds(30), s_start.AddSeconds(32));
    }

    [Fact]
    public async Task Concurrent_callers_never_overrun_the_burst_window_because_calls_in_flight_are_counted()
    {
        var clock = new FakeTimeProvider(s_start.AddSeconds(10));
        await using var context = await StartAsync(clock, new DocusignEmulatorOptions { TimeProvider = clock, BurstLimit = 5 });
        var client = context.Client;
        await client.GetUserAsync(context.State.AdminUserId); // the budget's figures are known from here on

        var calls = Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.GetUserAsync(context.State.AdminUserId)));

        // The clock moves only once every admitted call has landed, so each lands in the window it was admitted to.
        await WaitForAsync(() => context.RestRequests().Count == 5);
        clock.Advance(TimeSpan.FromSeconds(21)); // 10:17:31
        await WaitForAsync(() => context.RestRequests().Count == 10);
        clock.Advance(TimeSpan.FromSeconds(30)); // 10:18:01
        await calls.WaitAsync(TimeSpan.FromSeconds(10));

        var requests = context.RestRequests();
        Assert.Equal(13, requests.Count);
        Assert.All(requests, r => Assert.Equal(200, r.StatusCode));
        var perWindow = requests.GroupBy(r => r.Timestamp.ToUnixTimeSeconds() / 30).Select(window => window.Count()).ToList();
        Assert.Equal([5, 5, 3], perWindow);
    }

    [Fact]
    public async Task A_burst_429_caused_by_another_app_is_waited_out_until_the_window_end()
    {
        var clock = new FakeTimeProvider(s_start.AddSeconds(25));
        await using var context = await StartAsync(clock, new DocusignEmulatorOptions { TimeProvider = clock, BurstLimit = 5 });
        var client = context.Client;
        for (var i = 0; i < 3; i++)
        {
            await client.GetUserAsync(context.State.AdminUserId);
        }

        // Across the 10:17:30 boundary the remaining budget goes up: the client has seen where windows end.
        clock.Advance(TimeSpan.FromSeconds(6));
        await client.GetUserAsync(context.State.AdminUserId);
        Assert.Equal(4, client.RateBudget.BurstRemaining);

        // Another app on the same account spends the rest of this window (10:17:30–10:18:00).
        clock.Advance(TimeSpan.FromSeconds(9));
        context.State.ConfigureRateLimits(burstLimit: 0);
        var call = client.GetUserAsync(context.State.AdminUserId);
        await WaitForAsync(() => context.RestRequests().Any(r => r.StatusCode == 429));
        context.State.ConfigureRateLimits(burstLimit: 5);
        await AdvanceUntilAsync(clock, call, TimeSpan.FromSeconds(1));

        Assert.NotNull(await call);
        var limited = Assert.Single(context.RestRequests(), r => r.StatusCode == 429);
        Assert.Contains("BURST_APIINVOCATION_LIMIT_EXCEEDED", limited.ResponseBody!, StringComparison.Ordinal);
        var retried = context.RestRequests()[^1];
        Assert.Equal(200, retried.StatusCode);
        Assert.InRange(retried.Timestamp, s_start.AddSeconds(60), s_start.AddSeconds(62)); // the window's end, not 30 s after the 429
    }

    [Fact]
    public async Task A_limit_longer_than_the_allowed_wait_fails_with_a_rate_limit_exception()
    {
        var clock = new FakeTimeProvider(s_start);
        await using var context = await StartAsync(
            clock,
            new DocusignEmulatorOptions { TimeProvider = clock, HourlyLimit = 0 },
            c => c.MaxRateLimitWait = TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<DocusignApiException>(() => context.Client.GetUserAsync(context.State.AdminUserId));

        Assert.True(error.IsRateLimited);
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("HOURLY_APIINVOCATION_LIMIT_EXCEEDED", error.ErrorCode);
    }

    [Fact]
    public async Task The_remaining_budget_follows_the_rate_limit_headers()
    {
        await using var context = await DocusignTestContext.StartAsync(new DocusignEmulatorOptions { HourlyLimit = 50, BurstLimit = 20 });
        var client = context.Client;

        Assert.Null(client.RateBudget.HourlyRemaining);
        for (var i = 0; i < 5; i++)
        {
            await client.GetUserAsync(context.State.AdminUserId);
        }

        Assert.Equal(50, client.RateBudget.HourlyLimit);
        Assert.Equal(45, client.RateBudget.HourlyRemaining);
        Assert.Equal(20, client.RateBudget.BurstLimit);
        Assert.Equal(15, client.RateBudget.BurstRemaining);
        Assert.NotNull(client.RateBudget.ObservedAt);
        Assert.True(client.RateBudget.HourlyResetsAt > DateTimeOffset.UtcNow);
    }

    private static Task<DocusignTestContext> StartAsync(FakeTimeProvider clock, DocusignEmulatorOptions options, Action<DocusignConnectionOptions>? configure = null) =>
        DocusignTestContext.StartAsync(
            options,
            c =>
            {
                // Attempt timeouts run on the same fake clock: keep them out of reach of the advances.
                c.AttemptTimeout = TimeSpan.FromDays(1);
                configure?.Invoke(c);
            },
            s => DocusignTestContext.ReplaceTimeProvider(s, clock));

    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Task call, TimeSpan step)
    {
        for (var i = 0; i < 500 && !call.IsCompleted; i++)
        {
            await Task.Delay(5);
            clock.Advance(step);
        }

        await call.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
