using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ProvisioningBus.IntegrationTests.Infrastructure;

namespace ProvisioningBus.IntegrationTests.Gateway;

[Collection(RabbitMqCollection.Name)]
public sealed class AdminSurfaceTests(RabbitMqFixture broker)
{
    [Fact]
    public async Task The_status_page_and_api_answer_401_on_the_webhook_listener_without_the_admin_token()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, IsolatedStore());
        using var anonymous = gateway.CreateClient();
        using var wrong = gateway.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RunningGateway.AdminToken + "x");
        using var admin = gateway.CreateAdminClient();
        using var browser = gateway.CreateClient(authenticated: false);
        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("anyone:" + RunningGateway.AdminToken)));

        foreach (var path in new[] { "/status", "/api/status", "/api/status/rules/people", "/api/log", "/api/budget" })
        {
            using var refused = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            using var wrongToken = await wrong.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
            Assert.Contains("Basic", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        // The actions too: an approval of held deletions (the page's button) or a provision need the token.
        foreach (var path in new[] { "/api/rules/people/approve-deletions", "/api/rules/people/provision" })
        {
            using var refused = await anonymous.PostAsync(new Uri(path, UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var api = await admin.GetAsync(new Uri("/api/status", UriKind.Relative));
        using var page = await browser.GetAsync(new Uri("/status", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Without_an_admin_token_configured_the_status_page_and_api_are_off()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        var settings = IsolatedStore();
        settings["Gateway:Admin:Token"] = null;
        await using var gateway = await RunningGateway.StartAsync(vhost.AmqpUri, settings);
        using var client = gateway.CreateAdminClient();

        using var api = await client.GetAsync(new Uri("/api/status", UriKind.Relative));
        using var page = await client.GetAsync(new Uri("/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    private static Dictionary<string, string?> IsolatedStore() => new()
    {
        ["State:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"provisioningbus-admin-{Guid.NewGuid():N}.db")}",
    };
}
