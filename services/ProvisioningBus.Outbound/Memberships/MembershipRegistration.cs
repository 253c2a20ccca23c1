using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProvisioningBus.Outbound.Groups;

namespace ProvisioningBus.Outbound.Memberships;

public static class MembershipRegistration
{
    /// <summary>The batched membership consumer (<c>membership-changes</c>), configured from <c>Outbound:Memberships</c>.</summary>
    public static void AddMembershipConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddSingleton(TimeProvider.System);
        bus.TryAddSingleton<GroupLedger>();
        bus.TryAddSingleton<GroupProvisioner>();
        bus.TryAddSingleton<MembershipApplier>();
        bus.AddOptions<MembershipBatchingOptions>()
            .BindConfiguration(MembershipBatchingOptions.SectionName)
            .Validate(
                options => options.BatchMessageLimit is > 0 and <= MembershipBatchingOptions.MaxBatchMessageLimit,
                $"{MembershipBatchingOptions.SectionName}:BatchMessageLimit must be between 1 and {MembershipBatchingOptions.MaxBatchMessageLimit}.")
            .Validate(options => options.BatchTimeLimit > TimeSpan.Zero, $"{MembershipBatchingOptions.SectionName}:BatchTimeLimit must be positive.")
            .Validate(options => options.BatchConcurrencyLimit > 0, $"{MembershipBatchingOptions.SectionName}:BatchConcurrencyLimit must be at least 1.")
            .ValidateOnStart();
        bus.AddConsumer<MembershipChangeConsumer, MembershipChangeConsumerDefinition>();
    }
}
