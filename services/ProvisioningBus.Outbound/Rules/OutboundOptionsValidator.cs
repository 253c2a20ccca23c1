using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Rules;

namespace ProvisioningBus.Outbound.Rules;

/// <summary>Rejects outbound rules that cannot work, naming the configuration key and the fix.</summary>
public sealed class OutboundOptionsValidator(IConfiguration configuration) : IValidateOptions<OutboundOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboundOptions options)
    {
        var connections = configuration.GetSection("Docusign:Connections").GetChildren().Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var (ruleName, rule) in options.Rules)
        {
            var key = $"{OutboundOptions.SectionName}:Rules:{ruleName}";
            if (string.IsNullOrWhiteSpace(rule.SourceEnvironmentId))
            {
                failures.Add($"{key}:SourceEnvironmentId is required: the PingOne environment whose changes the rule applies.");
            }

            if (Descriptions.Problem($"{key}:Description", rule.Description) is { } description)
            {
                failures.Add(description);
            }

            if (!connections.Contains(rule.TargetConnection))
            {
                failures.Add($"{key}:TargetConnection '{rule.TargetConnection}' names no connection under Docusign:Connections (known: {string.Join(", ", connections.Order())}).");
            }

            // Mission §3: Docusign has no way to disable a user. Turning "disable" into a close would delete access silently.
            if (rule.UserActions.DisableUsers)
            {
                failures.Add($"{key}:UserActions:DisableUsers is not supported: Docusign does not support disabling users (known limitation). Turn it off; use RemoveAction Delete, which closes the user.");
            }

            if (rule.UserActions.RemoveAction == RemoveAction.Disable)
            {
                failures.Add($"{key}:UserActions:RemoveAction 'Disable' is not supported: Docusign does not support disabling users (known limitation). Use 'Delete', which closes the user in Docusign.");
            }

            MassDeletionThresholds.Validate($"{key}:MassDeletionGuard", rule.MassDeletionGuard, failures);
            foreach (var (groupId, profile) in rule.GroupPermissionProfiles)
            {
                if (!rule.GroupsToPush.Contains(groupId, StringComparer.Ordinal))
                {
                    failures.Add($"{key}:GroupPermissionProfiles:{groupId} names a group that is not in {key}:GroupsToPush; add it there or remove this entry.");
                }
                else if (string.IsNullOrWhiteSpace(profile))
                {
                    failures.Add($"{key}:GroupPermissionProfiles:{groupId} is empty: give a Docusign permission profile name or id.");
                }
            }

            foreach (var error in RuleScope.Validate(rule.Scope))
            {
                failures.Add($"{key}:Scope:{error}");
            }

            foreach (var error in UserAttributeMapping.Compile(rule, out _))
            {
                failures.Add($"{key}:Mappings:{error}");
            }
        }

        MassDeletionThresholds.Validate($"{OutboundOptions.SectionName}:DeletedRuleGuard", options.DeletedRuleGuard, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
