using ProvisioningBus.Core.Leases;

namespace ProvisioningBus.Outbound.UnitTests.Leases;

public sealed class LeaseOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid() =>
        Assert.True(new LeaseOptionsValidator().Validate(null, new LeaseOptions()).Succeeded);

    [Fact]
    public void A_ttl_too_short_to_renew_and_a_negative_wait_are_rejected_naming_their_keys()
    {
        var result = new LeaseOptionsValidator().Validate(null, new LeaseOptions { UserTtl = TimeSpan.FromSeconds(1), RuleWait = TimeSpan.FromSeconds(-1) });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Leases:UserTtl ", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Leases:RuleWait ", StringComparison.Ordinal));
    }
}
