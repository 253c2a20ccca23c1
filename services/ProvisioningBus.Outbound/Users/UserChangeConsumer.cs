using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Outbound.Rules;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// Applies a PingOne user change to every outbound rule whose source is the user's environment. Membership changes
/// also arrive here (their own copy of the published event) because adding or removing a user from a group that a
/// rule's scope names moves the user in or out of scope, and PingOne sends no user event for it.
/// Permanent failures are recorded by the provisioner; everything else, authentication failures included, is thrown
/// for the retry policy, so a user change is never acknowledged unapplied.
/// </summary>
public sealed class UserChangeConsumer(OutboundRuleCatalog rules, UserProvisioner provisioner, ILogger<UserChangeConsumer> logger)
    : IConsumer<PingOneUserChanged>, IConsumer<PingOneMembershipChanged>
{
    public async Task Consume(ConsumeContext<PingOneUserChanged> context)
    {
        foreach (var rule in rules.ForEnvironment(context.Message.EnvironmentId))
        {
            await ReportingAuthenticationAsync(rule, context.Message.UserId, () => provisioner.ApplyAsync(rule, context.Message, context.CancellationToken));
        }
    }

    public async Task Consume(ConsumeContext<PingOneMembershipChanged> context)
    {
        var message = context.Message;
        foreach (var rule in rules.ForEnvironment(message.EnvironmentId).Where(rule => rule.Scope.GroupIds.Contains(message.GroupId)))
        {
            await ReportingAuthenticationAsync(
                rule, message.UserId, () => provisioner.ApplyAsync(rule, new UserChange(message.UserId, Deleted: false, message.RecordedAt, UserName: null), context.CancellationToken));
        }
    }

    private async Task ReportingAuthenticationAsync(CompiledOutboundRule rule, string pingOneUserId, Func<Task> apply)
    {
        try
        {
            await apply();
        }
        catch (Exception failure) when (FailureClassifier.Classify(failure) is { IsAuthentication: true } classified)
        {
            ConnectionProblems.Report(logger, failure, classified, rule.Options.TargetConnection, "user", pingOneUserId);
            throw;
        }
    }
}
