using Microsoft.Extensions.DependencyInjection;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.Outbound.Users;
using ProvisioningBus.PingOne;

namespace ProvisioningBus.Host.Demo;

/// <summary>
/// How many of the demo's users the demo rule's scope takes, so the progress can finish when a configured scope leaves
/// some out. Asked of the rule's own compiled scope with the PingOne user as the consumer reads it: one scope decision.
/// </summary>
public static class DemoScope
{
    public static async Task<int> CountInScopeAsync(IServiceProvider services, string ruleName, IEnumerable<string> pingOneUserIds, CancellationToken ct)
    {
        var rule = services.GetRequiredService<OutboundRuleCatalog>().Find(ruleName) ?? throw new InvalidOperationException($"The demo rule {ruleName} is not configured.");
        var pingOne = services.GetRequiredService<IPingOneClient>();
        var inScope = 0;
        foreach (var id in pingOneUserIds)
        {
            if (await pingOne.GetUserAsync(id, ct) is { } user && rule.Scope.Includes(user, PingOneUserAttributes.From(user)))
            {
                inScope++;
            }
        }

        return inScope;
    }
}
