using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Inbound.Rules;

namespace ProvisioningBus.Inbound.Users;

/// <summary>
/// Applies the differences of an inbound rule's Docusign snapshot to PingOne. A refused credential goes through the
/// <see cref="ConnectionGate"/>, as on every outbound path: the change waits while the connection is quarantined.
/// </summary>
public sealed class InboundUserChangeConsumer(InboundRuleCatalog rules, InboundUserApplier applier, ConnectionGate gate, ILogger<InboundUserChangeConsumer> logger)
    : IConsumer<DocusignUserAppeared>, IConsumer<DocusignUserChanged>, IConsumer<DocusignUserDisappeared>
{
    public Task Consume(ConsumeContext<DocusignUserAppeared> context) =>
        ApplyAsync(context, context.Message.RuleName, context.Message.DocusignUserId, context.Message.Attributes);

    public Task Consume(ConsumeContext<DocusignUserChanged> context) =>
        ApplyAsync(context, context.Message.RuleName, context.Message.DocusignUserId, context.Message.Current);

    public Task Consume(ConsumeContext<DocusignUserDisappeared> context) =>
        ApplyAsync(context, context.Message.RuleName, context.Message.DocusignUserId, null);

    private async Task ApplyAsync<T>(ConsumeContext<T> context, string ruleName, string docusignUserId, DocusignUserAttributes? user)
        where T : class
    {
        if (rules.Find(ruleName) is not { Options.Enabled: true } rule)
        {
            logger.LogInformation("Inbound rule {Rule} is unknown or disabled here; Docusign user {DocusignUserId} left as it is", ruleName, docusignUserId);
            return;
        }

        var heldSince = gate.HeldSince(context.ReceiveContext.ElapsedTime);
        if (!await gate.RunAsync(rule.Options.SourceConnection, "inbound_user", docusignUserId, heldSince, token => applier.ApplyAsync(rule, docusignUserId, user, context.MessageId?.ToString(), token), context.CancellationToken))
        {
            await context.HandBackAsync();
        }
    }
}
