using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Core.Rules.Inbound;

namespace ProvisioningBus.Inbound.Rules;

/// <summary>Rejects inbound rules that cannot work, naming the configuration key and the fix.</summary>
public sealed class InboundOptionsValidator(IConfiguration configuration) : IValidateOptions<InboundOptions>
{
    public ValidateOptionsResult Validate(string? name, InboundOptions options)
    {
        var connections = configuration.GetSection("Docusign:Connections").GetChildren().Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var pingOneEnvironment = configuration["PingOne:EnvironmentId"];
        var failures = new List<string>();
        var section = InboundOptions.SectionName;
        if (options.ScheduleCheckInterval <= TimeSpan.Zero)
        {
            failures.Add($"{section}:ScheduleCheckInterval must be positive.");
        }

        if (configuration[$"{section}:LeaseDuration"] is not null)
        {
            // Silently ignoring the old key would put the default back under an operator who had tuned it.
            failures.Add($"{section}:LeaseDuration has moved to Leases:InboundRunTtl, with every other lease time.");
        }

        if (options.FailedRunRetryDelay < TimeSpan.Zero)
        {
            failures.Add($"{section}:FailedRunRetryDelay cannot be negative.");
        }

        if (options.PublishWindow is < 1 or > 10_000)
        {
            failures.Add($"{section}:PublishWindow must be between 1 and 10000 (was {options.PublishWindow}).");
        }

        if (options.PollLiveReserve is < 0 or >= 1 || double.IsNaN(options.PollLiveReserve))
        {
            failures.Add($"{section}:PollLiveReserve must be from 0 to below 1 (was {options.PollLiveReserve}): the share of the Docusign budget the poll leaves to live work.");
        }

        MassDeletionThresholds.Validate($"{section}:DeletedRuleGuard", options.DeletedRuleGuard, failures);
        foreach (var (ruleName, rule) in options.Rules)
        {
            var key = $"{section}:Rules:{ruleName}";
            if (Descriptions.Problem($"{key}:Description", rule.Description) is { } description)
            {
                failures.Add(description);
            }

            if (!connections.Contains(rule.SourceConnection))
            {
                failures.Add($"{key}:SourceConnection '{rule.SourceConnection}' names no connection under Docusign:Connections (known: {string.Join(", ", connections.Order())}).");
            }

            if (string.IsNullOrWhiteSpace(rule.TargetEnvironmentId))
            {
                failures.Add($"{key}:TargetEnvironmentId is required: the PingOne environment the rule writes users to.");
            }
            else if (!string.Equals(rule.TargetEnvironmentId, pingOneEnvironment, StringComparison.Ordinal))
            {
                // The PingOne client holds one worker application, which is valid in one environment.
                failures.Add($"{key}:TargetEnvironmentId '{rule.TargetEnvironmentId}' is not the environment of the configured PingOne client (PingOne:EnvironmentId '{pingOneEnvironment}').");
            }

            foreach (var error in PingOneAttributeMapping.Compile(rule.Mappings, out _))
            {
                failures.Add($"{key}:Mappings:{error}");
            }

            foreach (var error in DocusignUserFilter.Compile(rule.UserFilter, out _))
            {
                failures.Add($"{key}:UserFilter:{error}");
            }

            MassDeletionThresholds.Validate($"{key}:MassDeletionGuard", rule.MassDeletionGuard, failures);
            ValidateIncremental($"{key}:Incremental", rule, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateIncremental(string key, InboundRuleOptions rule, List<string> failures)
    {
        var incremental = rule.Incremental;
        if (!incremental.Enabled)
        {
            return;
        }

        if (!Guid.TryParse(incremental.OrganizationId, out _))
        {
            failures.Add($"{key}:OrganizationId '{incremental.OrganizationId}' is not a GUID: the Docusign organisation's id (Admin, Organization).");
        }

        if (incremental.FullSnapshotEvery <= TimeSpan.Zero)
        {
            failures.Add($"{key}:FullSnapshotEvery must be positive (was {incremental.FullSnapshotEvery}).");
        }

        if (incremental.Overlap < TimeSpan.Zero || incremental.Overlap >= incremental.FullSnapshotEvery)
        {
            failures.Add($"{key}:Overlap must be from zero to below FullSnapshotEvery (was {incremental.Overlap}).");
        }

        // The Admin API's listing has no job title: a filter on it would decide on a title the run cannot see.
        if (!incremental.FetchChangedUsers
            && rule.UserFilter.Conditions.Any(c => string.Equals(c.Attribute, "jobTitle", StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"{key}:FetchChangedUsers must be true when UserFilter tests jobTitle: the Admin API's user listing has no job title.");
        }
    }
}
