using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>Runs an inbound rule now on request. Outbound rules share the command and are left to the outbound worker.</summary>
public sealed class SyncRuleConsumer(InboundRuleCatalog rules, InboundSyncRunner runner, ILogger<SyncRuleConsumer> logger) : IConsumer<SyncRule>
{
    public async Task Consume(ConsumeContext<SyncRule> context)
    {
        var request = context.Message;
        if (rules.Find(request.RuleName) is null)
        {
            return;
        }

        logger.LogInformation("Inbound rule {Rule}: {Kind} sync requested by {RequestedBy}", request.RuleName, request.Kind, request.RequestedBy);
        var kind = request.Kind == SyncKind.FullResync ? SyncRunKind.FullResync : SyncRunKind.Manual;
        var result = await runner.RunAsync(request.RuleName, kind, context, null, context.CancellationToken);
        if (result.Outcome == InboundSyncOutcome.Busy)
        {
            throw new InboundSyncBusyException(request.RuleName);
        }
    }
}
