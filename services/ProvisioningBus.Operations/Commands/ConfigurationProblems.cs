using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Core.Leases;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Notifications;
using ProvisioningBus.Core.Roles;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.Docusign;
using ProvisioningBus.Gateway.Admin;
using ProvisioningBus.Gateway.Webhooks;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.PingOne.Connection;
using ProvisioningBus.State.Hosting;

namespace ProvisioningBus.Operations.Commands;

/// <summary>
/// Every problem of every service's settings (store, bus, roles, PingOne, each Docusign connection, outbound and
/// inbound rules, leases, resilience, gateway), each naming its key. Each section is checked on its own, with the
/// services' own validators, so one bad section never hides the problems of the others.
/// </summary>
public static class ConfigurationProblems
{
    public static List<string> Find(IConfiguration configuration)
    {
        var problems = new List<string>();
        Check(problems, () => (configuration.GetSection(StoreOptions.SectionName).Get<StoreOptions>() ?? new StoreOptions()).Validate());
        Check(problems, () => Bound<PingOneConnectionOptions>(configuration, "PingOne").Problems());
        foreach (var connection in configuration.GetSection("Docusign:Connections").GetChildren())
        {
            Check(problems, () => (connection.Get<DocusignConnectionOptions>() ?? new DocusignConnectionOptions()).Problems(connection.Key));
        }

        Check(problems, () =>
        {
            WorkerRoleOptions.Read(configuration);
            return [];
        });
        Check(problems, () => Validated(configuration, BusOptions.SectionName, new BusOptionsValidator()));
        Check(problems, () => Validated(configuration, OutboundOptions.SectionName, new OutboundOptionsValidator(configuration)));
        Check(problems, () => Validated(configuration, InboundOptions.SectionName, new InboundOptionsValidator(configuration)));
        Check(problems, () => Validated(configuration, LeaseOptions.SectionName, new LeaseOptionsValidator()));
        Check(problems, () => Validated(configuration, RedeliveryOptions.SectionName, new RedeliveryOptionsValidator()));
        Check(problems, () => Validated(configuration, KillSwitchSettings.SectionName, new KillSwitchSettingsValidator()));
        Check(problems, () => Validated(configuration, QuarantineOptions.SectionName, new QuarantineOptionsValidator()));
        Check(problems, () => Validated(configuration, NotificationOptions.SectionName, new NotificationOptionsValidator()));
        // A worker's configuration has no gateway settings: the gateway's are checked when the file has any.
        if (configuration.GetSection("Gateway").Exists())
        {
            Check(problems, () => Validated(configuration, WebhookOptions.SectionName, new WebhookOptionsValidator()));
            Check(problems, () => Validated(configuration, AdminOptions.SectionName, new AdminOptionsValidator()));
        }
        return problems;
    }

    private static IReadOnlyList<string> Validated<T>(IConfiguration configuration, string section, IValidateOptions<T> validator)
        where T : class, new() =>
        validator.Validate(Options.DefaultName, Bound<T>(configuration, section)) is { Failed: true } result ? [.. result.Failures] : [];

    // Binding reports a value of the wrong type (a TimeSpan "abc") as InvalidOperationException naming the key.
    private static T Bound<T>(IConfiguration configuration, string section)
        where T : class, new() => configuration.GetSection(section).Get<T>() ?? new T();

    private static void Check(List<string> problems, Func<IReadOnlyList<string>> check)
    {
        try
        {
            problems.AddRange(check());
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentException)
        {
            problems.Add(exception.Message);
        }
    }
}
