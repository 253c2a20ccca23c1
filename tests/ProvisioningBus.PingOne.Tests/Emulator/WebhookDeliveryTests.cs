using System.Text;
using System.Text.Json.Nodes;
using PingOne.Emulator;
using ProvisioningBus.Contracts;
using ProvisioningBus.PingOne.Tests.Support;
using ProvisioningBus.Testing;
using ProvisioningBus.PingOne.Webhooks;

namespace ProvisioningBus.PingOne.Tests.Emulator;

public sealed class WebhookDeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Failing_receiver_gets_every_event_in_order_with_the_failed_batch_repeated_until_accepted()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 3);
        await using var emulator = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions
        {
            DeliveryRetryDelay = TimeSpan.FromMilliseconds(20),
            MaxDeliveryRetryDelay = TimeSpan.FromMilliseconds(50),
        });
        var subscriptionId = emulator.AddSubscription(new EmulatedSubscriptionOptions { Url = receiver.Url.AbsoluteUri, MaxEventsPerPayload = 4 });

        var state = emulator.State;
        var group = state.CreateGroup("Signers");
        for (var i = 0; i < 10; i++)
        {
            var user = state.CreateUser($"u{i}", $"u{i}@example.com");
            state.AddMember(user.Id, group.Id);
        }

        await emulator.WaitForDeliveryAsync(Patience);

        var recorded = emulator.Activities.Snapshot().Select(a => a.Id).ToList();
        var posts = receiver.Posts;
        var accepted = posts.Where(p => p.Accepted).SelectMany(p => EventIds(p.Body)).ToList();
        Assert.Equal(21, recorded.Count);
        Assert.Equal(recorded, accepted);

        // The first three posts failed: each carried the same head batch, which the fourth post repeated and got accepted.
        Assert.Equal([false, false, false, true], posts.Take(4).Select(p => p.Accepted));
        Assert.All(posts.Take(4), p => Assert.Equal(posts[0].Body, p.Body));
        Assert.All(posts.Where(p => p.Accepted), p => Assert.InRange(EventIds(p.Body).Count, 1, 4));
        Assert.Equal(21, emulator.DeliveredEventCount);
        Assert.Equal(3, emulator.DeliveryAttempts(subscriptionId).Count(a => !a.Accepted));
    }

    [Fact]
    public async Task A_subscription_from_options_sends_its_custom_headers_and_only_the_included_action_types()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions
        {
            Subscriptions =
            [
                new EmulatedSubscriptionOptions
                {
                    Url = receiver.Url.AbsoluteUri,
                    Headers = new Dictionary<string, string> { ["X-Webhook-Secret"] = "s3cret", ["Authorization"] = "Basic dXNlcjpwYXNz" },
                    IncludedActionTypes = ["GROUP.CREATED"],
                },
            ],
        });

        emulator.State.CreateUser("ignored", "ignored@example.com");
        var group = emulator.State.CreateGroup("Delivered");
        await emulator.WaitForDeliveryAsync(Patience);

        var post = Assert.Single(receiver.Posts);
        Assert.Equal("s3cret", post.Headers["X-Webhook-Secret"]);
        Assert.Equal("Basic dXNlcjpwYXNz", post.Headers["Authorization"]);
        Assert.StartsWith("application/json", post.ContentType, StringComparison.Ordinal);
        var delivered = JsonNode.Parse(post.Body)!.AsArray();
        Assert.Equal(group.Id, (string?)Assert.Single(delivered)!["resources"]![0]!["id"]);
    }

    [Fact]
    public async Task A_disabled_subscription_accumulates_events_and_delivers_them_when_enabled()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        var id = emulator.AddSubscription(new EmulatedSubscriptionOptions { Url = receiver.Url.AbsoluteUri, Enabled = false });

        emulator.State.CreateUser("held", "held@example.com");
        await emulator.WaitForDeliveryAsync(Patience);
        Assert.Empty(receiver.Posts);

        emulator.SetSubscriptionEnabled(id, true);
        await emulator.WaitForDeliveryAsync(Patience);

        Assert.Single(receiver.Posts);
    }

    [Fact]
    public async Task Nd_json_subscriptions_post_one_event_per_line()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        emulator.AddSubscription(new EmulatedSubscriptionOptions { Url = receiver.Url.AbsoluteUri, PayloadFormat = "ND_JSON" });

        var user = emulator.State.CreateUser("nd", "nd@example.com");
        emulator.State.DeleteUser(user.Id);
        await emulator.WaitForDeliveryAsync(Patience);

        var post = Assert.Single(receiver.Posts);
        Assert.Equal("application/x-ndjson", post.ContentType?.Split(';')[0]);
        var batch = new PingOneActivityParser().Parse(Encoding.UTF8.GetBytes(post.Body), post.ContentType);
        Assert.Equal(
            [DirectoryChangeAction.Created, DirectoryChangeAction.Deleted],
            batch.Changes.Cast<PingOneUserChanged>().Select(c => c.Action));
    }

    [Fact]
    public async Task Delivered_events_parse_into_the_changes_the_admin_made()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        emulator.AddSubscription(new EmulatedSubscriptionOptions
        {
            Url = receiver.Url.AbsoluteUri,
            IncludedActionTypes = [.. PingOneActionTypes.Handled, "POPULATION.CREATED"],
        });
        var state = emulator.State;

        var user = state.CreateUser("lin", "lin@example.com");
        state.UpdateUser(user.Id, new global::PingOne.Emulator.Directory.EmulatedUserChanges { Title = "Lead" });
        state.SetEnabled(user.Id, false);
        var group = state.CreateGroup("Approvers");
        state.AddMember(user.Id, group.Id);
        state.RenameGroup(group.Id, "Senior Approvers");
        state.RemoveMember(user.Id, group.Id);
        state.DeleteGroup(group.Id);
        state.CreatePopulation("Ignored by the parser");
        state.DeleteUser(user.Id);
        await emulator.WaitForDeliveryAsync(Patience);

        var parser = new PingOneActivityParser();
        var batches = receiver.Posts.Select(p => parser.Parse(Encoding.UTF8.GetBytes(p.Body), p.ContentType)).ToList();
        var changes = batches.SelectMany(b => b.Changes).ToList();
        Assert.Equal(
            [
                "User Created", "User Updated", "User Updated", "Group Created", "Membership Added",
                "Group Updated", "Membership Removed", "Group Deleted", "User Deleted",
            ],
            changes.Select(Describe));
        Assert.All(changes.OfType<PingOneUserChanged>(), c => Assert.Equal(user.Id, c.UserId));
        Assert.All(changes.OfType<PingOneUserChanged>(), c => Assert.Equal("adminui", c.ActorClientId));
        var added = changes.OfType<PingOneMembershipChanged>().First();
        Assert.Equal((user.Id, group.Id, emulator.EnvironmentId), (added.UserId, added.GroupId, added.EnvironmentId));
        Assert.Equal("POPULATION.CREATED", Assert.Single(batches.SelectMany(b => b.Ignored)).ActionType);
    }

    [Fact]
    public async Task Subscriptions_created_through_the_api_deliver_events_of_api_writes_with_the_worker_as_actor()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var pingOne = await EmulatedPingOne.StartAsync();
        using var http = new HttpClient();
        var token = await TokenAsync(http, pingOne.Emulator);
        using var create = new HttpRequestMessage(HttpMethod.Post, $"{pingOne.Emulator.ApiBaseUri}/environments/{pingOne.Emulator.EnvironmentId}/subscriptions")
        {
            Content = new StringContent(
                $$"""
                { "name":"provisioning-bus", "enabled":true, "format":"ACTIVITY", "verifyTlsCertificates":true,
                  "httpEndpoint":{ "url":"{{receiver.Url}}", "headers":{"X-Webhook-Secret":"abc"} },
                  "filterOptions":{ "includedActionTypes":["USER.CREATED","USER.UPDATED"] } }
                """,
                Encoding.UTF8,
                "application/json"),
        };
        create.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var created = await http.SendAsync(create);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);

        await pingOne.Client.CreateUserAsync(new ProvisioningBus.PingOne.Users.PingOneNewUser { Username = "via-api", Email = "api@example.com" });
        await pingOne.Emulator.WaitForDeliveryAsync(Patience);

        var change = Assert.IsType<PingOneUserChanged>(
            Assert.Single(new PingOneActivityParser().Parse(Encoding.UTF8.GetBytes(Assert.Single(receiver.Posts).Body), isNdJson: false).Changes));
        Assert.Equal(pingOne.Emulator.ClientId, change.ActorClientId);
        Assert.Equal("abc", receiver.Posts[0].Headers["X-Webhook-Secret"]);
    }

    [Fact]
    public async Task Waiting_for_delivery_times_out_while_the_receiver_keeps_failing()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: int.MaxValue);
        await using var emulator = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions { DeliveryRetryDelay = TimeSpan.FromMilliseconds(20) });
        emulator.AddSubscription(new EmulatedSubscriptionOptions { Url = receiver.Url.AbsoluteUri });

        emulator.State.CreateUser("stuck", "stuck@example.com");

        await Assert.ThrowsAsync<TimeoutException>(() => emulator.WaitForDeliveryAsync(TimeSpan.FromMilliseconds(500)));
        Assert.Equal(0, emulator.DeliveredEventCount);
    }

    internal static async Task<string> TokenAsync(HttpClient http, PingOneEmulator emulator)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{emulator.ClientId}:{emulator.ClientSecret}")));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!;
    }

    private static List<string> EventIds(string body) =>
        [.. JsonNode.Parse(body)!.AsArray().Select(e => (string)e!["id"]!)];

    private static string Describe(object change) => change switch
    {
        PingOneUserChanged u => $"User {u.Action}",
        PingOneGroupChanged g => $"Group {g.Action}",
        PingOneMembershipChanged m => $"Membership {m.Action}",
        _ => change.GetType().Name,
    };
}
