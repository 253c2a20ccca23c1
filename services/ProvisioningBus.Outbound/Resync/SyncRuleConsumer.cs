using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// "Full Resync" on demand: reconciles the named outbound rule. <see cref="SyncRule"/> is published, so inbound
/// workers receive it too; each ignores rules it does not own.
/// </summary>
public sealed class SyncRuleConsumer(OutboundRuleCatalog rules, OutboundRuleResync resync, ILogger<SyncRuleConsumer> logger) : IConsumer<SyncRule>
{
    public async Task Consume(ConsumeContext<SyncRule> context)
    {
        var message = context.Message;
        if (rules.Find(message.RuleName) is not { } rule)
        {
            return;
        }

        logger.LogInformation("Rule {Rule}: {Kind} requested by {RequestedBy}", rule.Name, message.Kind, message.RequestedBy);
        await resync.RunAsync(rule, message.Kind == SyncKind.FullResync ? SyncRunKind.FullResync : SyncRunKind.Manual, context.CancellationToken);
    }
}
