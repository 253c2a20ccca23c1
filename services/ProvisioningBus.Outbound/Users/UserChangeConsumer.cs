using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Outbound.Rules;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// Applies a PingOne user change to every outbound rule whose source is the user's environment. Membership changes
/// also arrive here (their own copy of the published event) because adding or removing a user from a group that a
/// rule's scope names moves the user in or out of scope, and PingOne sends no user event for it.
/// </summary>
public sealed class UserChangeConsumer(OutboundRuleCatalog rules, UserProvisioner provisioner) : IConsumer<PingOneUserChanged>, IConsumer<PingOneMembershipChanged>
{
    public async Task Consume(ConsumeContext<PingOneUserChanged> context)
    {
        foreach (var rule in rules.ForEnvironment(context.Message.EnvironmentId))
        {
            await provisioner.ApplyAsync(rule, context.Message, context.CancellationToken);
        }
    }

    public async Task Consume(ConsumeContext<PingOneMembershipChanged> context)
    {
        var message = context.Message;
        foreach (var rule in rules.ForEnvironment(message.EnvironmentId).Where(rule => rule.Scope.GroupIds.Contains(message.GroupId)))
        {
            await provisioner.ApplyAsync(rule, new UserChange(message.UserId, Deleted: false, message.RecordedAt, UserName: null), context.CancellationToken);
        }
    }
}
