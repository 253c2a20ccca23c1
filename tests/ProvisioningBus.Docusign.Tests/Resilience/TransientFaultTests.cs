using Docusign.Emulator;
using ProvisioningBus.Docusign;

namespace ProvisioningBus.Docusign.Tests.Resilience;

public sealed class TransientFaultTests
{
    [Fact]
    public async Task Server_errors_are_retried_with_backoff_until_the_call_succeeds()
    {
        await using var context = await DocusignTestContext.StartAsync();
        context.State.SetFaults(new EmulatorFaultSettings { PathPrefix = "/restapi", FailNextRequests = 2 });

        var user = await context.Client.GetUserAsync(context.State.AdminUserId);

        Assert.NotNull(user);
        Assert.Equal([503, 503, 200], context.RestRequests().Select(r => r.StatusCode).ToArray());
    }

    [Fact]
    public async Task Server_errors_that_persist_surface_as_DocusignApiException_after_the_retries()
    {
        await using var context = await DocusignTestContext.StartAsync();
        context.State.SetFaults(new EmulatorFaultSettings { PathPrefix = "/restapi", ServerErrorRate = 1, ServerErrorStatusCode = 503 });

        var error = await Assert.ThrowsAsync<DocusignApiException>(() => context.Client.GetUserAsync(context.State.AdminUserId));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("SERVICE_UNAVAILABLE", error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(1 + context.ConnectionOptions.TransientRetryCount, context.RestRequests().Count);
    }

    [Fact]
    public async Task Dropped_connections_are_retried()
    {
        await using var context = await DocusignTestContext.StartAsync();
        context.State.SetFaults(new EmulatorFaultSettings { PathPrefix = "/restapi", DropNextRequests = 2 });

        var user = await context.Client.GetUserAsync(context.State.AdminUserId);

        Assert.NotNull(user);
        // An aborted connection is logged when the server notices the abort, which can be after the retry succeeded.
        Assert.Equal([0, 0, 200], context.RestRequests().Select(r => r.StatusCode).Order().ToArray());
    }

    [Fact]
    public async Task A_hanging_attempt_times_out_and_is_retried()
    {
        await using var context = await DocusignTestContext.StartAsync(configureConnection: c => c.AttemptTimeout = TimeSpan.FromMilliseconds(500));
        context.State.SetFaults(new EmulatorFaultSettings { PathPrefix = "/restapi", TimeoutNextRequests = 1, TimeoutDuration = TimeSpan.FromSeconds(30) });

        var started = DateTimeOffset.UtcNow;
        var user = await context.Client.GetUserAsync(context.State.AdminUserId);

        Assert.NotNull(user);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(10));
        await WaitForAsync(() => context.RestRequests().Count == 2);
        Assert.Equal(200, context.RestRequests().Single(r => r.StatusCode != 0).StatusCode);
    }

    [Fact]
    public async Task An_unreachable_service_surfaces_as_DocusignApiException_without_status()
    {
        await using var context = await DocusignTestContext.StartAsync(configureConnection: c => c.ServiceUri = new Uri("http://127.0.0.1:1/"));

        var error = await Assert.ThrowsAsync<DocusignApiException>(() => context.Client.GetUserAsync("x"));

        Assert.Null(error.StatusCode);
        Assert.Equal("TRANSPORT_ERROR", error.ErrorCode);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        await using var context = await DocusignTestContext.StartAsync();

        await Assert.ThrowsAsync<DocusignApiException>(() => context.Client.UpdateUserAsync(new DocusignUserUpdate(Guid.NewGuid().ToString()) { FirstName = "X" }));

        Assert.Single(context.RestRequests());
    }

    [Fact]
    public async Task Token_endpoint_faults_are_retried_too()
    {
        await using var context = await DocusignTestContext.StartAsync();
        context.State.SetFaults(new EmulatorFaultSettings { PathPrefix = "/oauth/token", FailNextRequests = 2 });

        Assert.NotNull(await context.Client.GetUserAsync(context.State.AdminUserId));
        Assert.Equal(1, context.State.RefreshCount);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
