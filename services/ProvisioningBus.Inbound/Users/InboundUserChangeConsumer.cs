using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Inbound.Rules;

namespace ProvisioningBus.Inbound.Users;

/// <summary>
/// Applies the differences of an inbound rule's Docusign snapshot to PingOne. A refused PingOne credential is reported
/// as a connection problem and thrown for the retry policy, as on every outbound path.
/// </summary>
public sealed class InboundUserChangeConsumer(InboundRuleCatalog rules, InboundUserApplier applier, ILogger<InboundUserChangeConsumer> logger)
    : IConsumer<DocusignUserAppeared>, IConsumer<DocusignUserChanged>, IConsumer<DocusignUserDisappeared>
{
    public Task Consume(ConsumeContext<DocusignUserAppeared> context) =>
        ApplyAsync(context.Message.RuleName, context.Message.DocusignUserId, context.Message.Attributes, context.CancellationToken);

    public Task Consume(ConsumeContext<DocusignUserChanged> context) =>
        ApplyAsync(context.Message.RuleName, context.Message.DocusignUserId, context.Message.Current, context.CancellationToken);

    public Task Consume(ConsumeContext<DocusignUserDisappeared> context) =>
        ApplyAsync(context.Message.RuleName, context.Message.DocusignUserId, null, context.CancellationToken);

    private async Task ApplyAsync(string ruleName, string docusignUserId, DocusignUserAttributes? user, CancellationToken ct)
    {
        if (rules.Find(ruleName) is not { Options.Enabled: true } rule)
        {
            logger.LogInformation("Inbound rule {Rule} is unknown or disabled here; Docusign user {DocusignUserId} left as it is", ruleName, docusignUserId);
            return;
        }

        try
        {
            await applier.ApplyAsync(rule, docusignUserId, user, ct);
        }
        catch (Exception failure) when (FailureClassifier.Classify(failure) is { IsAuthentication: true } classified)
        {
            ConnectionProblems.Report(logger, failure, classified, rule.Options.SourceConnection, "inbound_user", docusignUserId);
            throw;
        }
    }
}
