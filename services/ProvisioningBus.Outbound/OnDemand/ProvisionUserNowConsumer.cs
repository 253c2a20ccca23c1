using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Outbound.Rules;

namespace ProvisioningBus.Outbound.OnDemand;

/// <summary>
/// Answers <see cref="ProvisionUserNow"/> (the gateway's <c>POST /api/rules/{rule}/provision</c>) on a users worker,
/// where PingOne, Docusign and the rule's compiled mappings are.
/// </summary>
public sealed class ProvisionUserNowConsumer(OutboundRuleCatalog rules, OnDemandUserProvisioner provisioner) : IConsumer<ProvisionUserNow>
{
    public async Task Consume(ConsumeContext<ProvisionUserNow> context)
    {
        var request = context.Message;
        if (rules.Find(request.RuleName) is not { } rule)
        {
            await context.RespondAsync(new UserProvisionedNow(
                request.RuleName, null, request.DryRun, [new ProvisionStep("rule", $"no outbound rule named '{request.RuleName}' on this worker")], "NotFound", ProvisionResult.NotFound));
            return;
        }

        await context.RespondAsync(await provisioner.ProvisionAsync(rule, request.User, request.DryRun, request.RequestedBy, context.CancellationToken));
    }
}
