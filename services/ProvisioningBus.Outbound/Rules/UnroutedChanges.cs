using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Outbound.Rules;

/// <summary>
/// Changes that reach a worker but no outbound rule takes: counted (<c>provisioningbus.changes.unrouted</c>) and logged
/// at debug with their ids, so a mistyped environment id or a disabled rule shows instead of dropping changes silently.
/// </summary>
internal static class UnroutedChanges
{
    /// <returns>True when no enabled rule takes changes of <paramref name="environmentId"/> (and they were recorded).</returns>
    public static bool Recorded(OutboundRuleCatalog rules, string environmentId, string resource, IReadOnlyCollection<string> entityIds, ILogger logger)
    {
        if (rules.ForEnvironment(environmentId).Any())
        {
            return false;
        }

        var reason = rules.All.Any(rule => string.Equals(rule.Options.SourceEnvironmentId, environmentId, StringComparison.Ordinal))
            ? "rule_disabled"
            : "foreign_environment";
        ProvisioningBusMetrics.ChangesUnrouted.Add(
            entityIds.Count,
            new KeyValuePair<string, object?>("resource", resource),
            new KeyValuePair<string, object?>("reason", reason),
            new KeyValuePair<string, object?>("environment", environmentId));
        logger.LogDebug("{Count} {Resource} change(s) of PingOne environment {EnvironmentId} taken by no outbound rule ({Reason}): {EntityIds}",
            entityIds.Count, resource, environmentId, reason, string.Join(", ", entityIds));
        return true;
    }
}
