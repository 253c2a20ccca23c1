using System.CommandLine;
using System.Net;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Subscriptions;

namespace ProvisioningBus.Operations.Subscriptions;

/// <summary>
/// <c>subscribe pingone</c>: creates this gateway's webhook subscription, or updates it in place when one with its
/// name exists, so running it twice leaves one; <c>--list</c> and <c>--delete</c>. Header values (the secret) are never printed.
/// </summary>
public static class SubscribeCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var url = new Option<Uri?>("--url") { Description = "The gateway's webhook URL as PingOne reaches it (default Gateway:Webhook:PublicUrl)." };
        var insecure = new Option<bool>("--insecure-demo") { Description = "verifyTlsCertificates false: only for a demo gateway with a self-signed certificate." };
        var list = new Option<bool>("--list") { Description = "List the environment's subscriptions." };
        var delete = new Option<bool>("--delete") { Description = "Delete this gateway's subscription (found by Gateway:Webhook:SubscriptionName)." };
        var pingone = new Command("pingone", "Create or update the PingOne webhook subscription that feeds this gateway.") { url, insecure, list, delete };
        pingone.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var host = cli.BuildHost(builder => builder.Services.AddPingOneClient(builder.Configuration.GetSection("PingOne")));
            var setup = host.Services.GetRequiredService<IPingOneEnvironmentSetup>();
            var existing = await setup.ListSubscriptionsAsync(cancellationToken);
            if (parse.GetValue(list))
            {
                cli.Output.WriteLine($"{"NAME",-32} {"ENABLED",-7} {"ID",-36}  URL");
                foreach (var subscription in existing)
                {
                    cli.Output.WriteLine($"{subscription.Name,-32} {(subscription.Enabled ? "yes" : "no"),-7} {subscription.Id,-36}  {subscription.HttpEndpoint.Url}");
                }

                return ExitCodes.Success;
            }

            var settings = WebhookSubscriptionSettings.Read(cli.Configuration, parse.GetValue(url));
            var ours = existing.Where(s => s.Name == settings.Name).ToList();
            if (parse.GetValue(delete))
            {
                if (ours.Count == 0)
                {
                    cli.Error.WriteLine($"No subscription named '{settings.Name}' in PingOne environment.");
                    return ExitCodes.NotFound;
                }

                foreach (var subscription in ours)
                {
                    await setup.DeleteSubscriptionAsync(subscription.Id!, cancellationToken);
                    cli.Output.WriteLine($"Deleted subscription '{subscription.Name}' ({subscription.Id}).");
                }

                return ExitCodes.Success;
            }

            foreach (var warning in GatewayReachability.Warnings(settings.Url))
            {
                cli.Error.WriteLine($"Warning: {warning}");
            }

            var desired = settings.Desired(verifyTls: !parse.GetValue(insecure));
            try
            {
                var saved = ours.Count == 0
                    ? await setup.CreateSubscriptionAsync(desired, cancellationToken)
                    : await setup.ReplaceSubscriptionAsync(ours[0].Id!, desired, cancellationToken);
                cli.Output.WriteLine($"{(ours.Count == 0 ? "Created" : "Updated")} subscription '{saved.Name}' ({saved.Id}): ACTIVITY events {string.Join(", ", desired.FilterOptions.IncludedActionTypes)} to {saved.HttpEndpoint.Url} with the {settings.Webhook.HeaderName} header, verifyTlsCertificates {desired.VerifyTlsCertificates.ToString().ToLowerInvariant()}.");
            }
            catch (PingOneApiException limit) when (limit.StatusCode == HttpStatusCode.Forbidden && ours.Count == 0)
            {
                cli.Error.WriteLine($"PingOne refused a new subscription ({limit.Message}); an environment has at most 50: `subscribe pingone --list`, then delete one you do not need.");
                return ExitCodes.RemoteFailure;
            }

            if (ours.Count > 1)
            {
                cli.Error.WriteLine($"Warning: {ours.Count} subscriptions are named '{settings.Name}'; the others ({string.Join(", ", ours.Skip(1).Select(s => s.Id))}) deliver the same events again: delete them in the admin console.");
            }

            return ExitCodes.Success;
        });
        return new Command("subscribe", "Manage the PingOne webhook subscription.") { pingone };
    }
}
