using MassTransit;
using ProvisioningBus.Contracts;
using ProvisioningBus.Outbound.Rules;

namespace ProvisioningBus.Outbound.Users;

/// <summary>Applies a PingOne user change to every outbound rule whose source is the user's environment.</summary>
public sealed class UserChangeConsumer(OutboundRuleCatalog rules, UserProvisioner provisioner) : IConsumer<PingOneUserChanged>
{
    public async Task Consume(ConsumeContext<PingOneUserChanged> context)
    {
        foreach (var rule in rules.ForEnvironment(context.Message.EnvironmentId))
        {
            await provisioner.ApplyAsync(rule, context.Message, context.CancellationToken);
        }
    }
}
