using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Core.Roles;
using ProvisioningBus.Docusign;
using ProvisioningBus.Gateway.Webhooks;
using ProvisioningBus.Operations.Commands;
using ProvisioningBus.Operations.Subscriptions;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Subscriptions;
using ProvisioningBus.State;
using RabbitMQ.Client.Exceptions;

namespace ProvisioningBus.Operations.Doctor;

/// <summary>
/// The checks of <c>doctor</c>, in the order a new installation meets them: each reads the real system once and
/// names the fix. A check that throws fails with the exception's one-line message (never a token or secret: the
/// clients' exceptions carry none).
/// </summary>
public sealed class DoctorChecks(CliContext cli)
{
    public async IAsyncEnumerable<DoctorFinding> RunAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return Configuration();
        yield return await Guard("state store", StoreAsync, "check State:Provider and State:ConnectionString.", cancellationToken);
        yield return await Guard("broker", BrokerAsync, "check RabbitMq:Uri and that RabbitMQ runs.", cancellationToken);
        yield return await Guard("PingOne API", PingOneAsync, "check PingOne:EnvironmentId, ClientId, ClientSecret and the worker app's roles.", cancellationToken);
        yield return await Guard("PingOne subscription", SubscriptionAsync, "run `subscribe pingone`.", cancellationToken);
        foreach (var connection in cli.Configuration.GetSection("Docusign:Connections").GetChildren())
        {
            var (token, rateLimits) = await DocusignAsync(connection.Key, cancellationToken);
            yield return token;
            yield return rateLimits;
        }

        yield return await Guard("gateway", GatewayAsync, "start the gateway and make Gateway:Webhook:PublicUrl reach it.", cancellationToken);
    }

    private DoctorFinding Configuration()
    {
        var problems = ConfigurationProblems.Find(cli.Configuration);
        return problems.Count == 0
            ? DoctorFinding.Ok("configuration", "valid")
            : DoctorFinding.Failed("configuration", $"{problems.Count} problem{(problems.Count == 1 ? "" : "s")}, first: {problems[0]}", "run `validate` for the full list and fix each key.");
    }

    private async Task<DoctorFinding> StoreAsync(CancellationToken cancellationToken)
    {
        cli.RequireExistingStore();
        // Starting the store's host creates or upgrades its schema, as every service does at start-up.
        using var host = await cli.StartHostAsync(builder => builder.AddProvisioningStateStore(), cancellationToken);
        var rules = await host.Services.GetRequiredService<IProvisioningStore>().RuleEndpoints.ListAsync(cancellationToken);
        await host.StopAsync(cancellationToken);
        return DoctorFinding.Ok("state store", $"reachable, schema current, {rules.Count} rule{(rules.Count == 1 ? "" : "s")} recorded");
    }

    private async Task<DoctorFinding> BrokerAsync(CancellationToken cancellationToken)
    {
        var uri = cli.Configuration["RabbitMq:Uri"];
        if (string.IsNullOrWhiteSpace(uri))
        {
            return DoctorFinding.Failed("broker", "RabbitMq:Uri is not set", "set RabbitMq:Uri, e.g. amqp://user:password@rabbitmq:5672/provisioning.");
        }

        var roles = WorkerRoleOptions.Read(cli.Configuration);
        await using var connection = await BrokerConnection.OpenAsync(uri, cancellationToken);
        var missing = new List<string>();
        foreach (var queue in RoleQueues.For(roles))
        {
            // A failed passive declare closes its channel: one channel per queue.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            }
            catch (OperationInterruptedException)
            {
                missing.Add(queue);
            }
        }

        return missing.Count == 0
            ? DoctorFinding.Ok("broker", $"reachable; the queues of roles {roles} exist")
            : DoctorFinding.Failed("broker", $"reachable, but queue{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} of roles {roles} {(missing.Count == 1 ? "is" : "are")} missing", "start a worker with those roles once: it declares its queues, and until then the gateway's events have nowhere to go.");
    }

    private async Task<DoctorFinding> PingOneAsync(CancellationToken cancellationToken)
    {
        using var host = PingOneHost();
        var environment = await host.Services.GetRequiredService<IPingOneEnvironmentSetup>().ReadEnvironmentAsync(cancellationToken);
        return DoctorFinding.Ok("PingOne API", $"token issued; environment '{environment.Name}' ({environment.Id}) readable");
    }

    private async Task<DoctorFinding> SubscriptionAsync(CancellationToken cancellationToken)
    {
        var settings = WebhookSubscriptionSettings.Read(cli.Configuration, null);
        using var host = PingOneHost();
        var subscriptions = await host.Services.GetRequiredService<IPingOneEnvironmentSetup>().ListSubscriptionsAsync(cancellationToken);
        var ours = subscriptions.FirstOrDefault(s => s.Name == settings.Name);
        if (ours is null)
        {
            return DoctorFinding.Failed("PingOne subscription", $"no subscription named '{settings.Name}' ({WebhookOptions.SectionName}:SubscriptionName): PingOne sends this gateway nothing", "run `subscribe pingone`.");
        }

        var differences = settings.Differences(ours);
        return differences.Count == 0
            ? DoctorFinding.Ok("PingOne subscription", $"'{ours.Name}' enabled, posting to {settings.Url.AbsoluteUri} with the shared secret")
            : DoctorFinding.Failed("PingOne subscription", $"'{ours.Name}': {string.Join("; ", differences)}", "run `subscribe pingone` to rewrite it from this configuration.");
    }

    private async Task<(DoctorFinding Token, DoctorFinding RateLimits)> DocusignAsync(string name, CancellationToken cancellationToken)
    {
        var check = $"Docusign '{name}'";
        var limits = $"Docusign '{name}' rate limits";
        try
        {
            cli.RequireExistingStore();
            using var host = await TestConnectionCommand.StartConnectionHostAsync(cli, name, cancellationToken);
            var client = host.Services.GetRequiredService<IDocusignClientProvider>().Get(name);
            var result = await client.TestConnectionAsync(cancellationToken);
            await host.StopAsync(cancellationToken);
            var grant = cli.Configuration[$"Docusign:Connections:{name}:GrantType"] is { } g && g.Equals(DocusignConnectionOptions.JwtGrant, StringComparison.OrdinalIgnoreCase) ? "JWT grant" : "refresh token";
            var token = result.Succeeded
                ? DoctorFinding.Ok(check, $"{grant}: token issued; {result.Message}")
                : DoctorFinding.Failed(check, $"{grant}: {result.Outcome}: {result.Message}", FixFor(name, result.Outcome));
            var budget = client.RateBudget;
            var rateLimits = budget.HourlyLimit is not null
                ? DoctorFinding.Ok(limits, $"X-RateLimit headers present: {budget.HourlyRemaining} of {budget.HourlyLimit} calls left this hour")
                : DoctorFinding.Failed(limits, "no X-RateLimit-* headers on the account's answers, so the budget cannot be paced", result.Succeeded ? "check that ServiceUri is the account's base_uri, not a proxy that strips headers." : "fix the connection first.");
            return (token, rateLimits);
        }
        catch (Exception exception) when (CliFailure.Describe(exception) is { } failure)
        {
            return (DoctorFinding.Failed(check, failure.Message, $"fix Docusign:Connections:{name}, then `test-connection {name}`."),
                DoctorFinding.Failed(limits, "not checked: the connection failed", "fix the connection first."));
        }
    }

    private async Task<DoctorFinding> GatewayAsync(CancellationToken cancellationToken)
    {
        var url = cli.Configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>()?.PublicUrl;
        if (url is null)
        {
            return DoctorFinding.Failed("gateway", $"{WebhookOptions.SectionName}:PublicUrl is not set", $"set {WebhookOptions.SectionName}:PublicUrl to the webhook URL PingOne posts to.");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var health = new Uri(url, "/health/live");
        using var response = await http.GetAsync(health, cancellationToken);
        return response.IsSuccessStatusCode
            ? DoctorFinding.Ok("gateway", $"{health} answers {(int)response.StatusCode}")
            : DoctorFinding.Failed("gateway", $"{health} answers {(int)response.StatusCode}", "see the gateway's log and /health/ready.");
    }

    private IHost PingOneHost() => cli.BuildHost(builder => builder.Services.AddPingOneClient(builder.Configuration.GetSection("PingOne")));

    private static string FixFor(string name, DocusignConnectionTestOutcome outcome) => outcome switch
    {
        DocusignConnectionTestOutcome.InvalidGrant or DocusignConnectionTestOutcome.MissingRefreshToken => $"run `connect docusign {name}` as an account administrator.",
        DocusignConnectionTestOutcome.ConsentRequired => $"open the URL of `connect docusign {name} --jwt` once, as the impersonated user.",
        DocusignConnectionTestOutcome.InvalidClient => $"check Docusign:Connections:{name}:ClientId and ClientSecret (or PrivateKeyFile).",
        DocusignConnectionTestOutcome.InsufficientPermissions => $"consent as an account administrator: `connect docusign {name}`.",
        DocusignConnectionTestOutcome.UnknownAccount => $"set Docusign:Connections:{name}:AccountId and ServiceUri to what `connect docusign {name}` prints.",
        _ => $"run `test-connection {name}` and check the account server and ServiceUri.",
    };

    private static async Task<DoctorFinding> Guard(string check, Func<CancellationToken, Task<DoctorFinding>> run, string fix, CancellationToken cancellationToken)
    {
        try
        {
            return await run(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var message = CliFailure.Describe(exception)?.Message ?? $"{exception.GetType().Name}: {exception.Message}";
            return DoctorFinding.Failed(check, message, fix);
        }
    }
}
