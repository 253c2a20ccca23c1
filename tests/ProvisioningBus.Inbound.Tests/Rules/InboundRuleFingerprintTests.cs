using ProvisioningBus.Core.Rules;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Tests.Rules;

public sealed class InboundRuleFingerprintTests
{
    private static InboundRuleOptions Rule(bool deprovision = false, RemoveAction removeAction = RemoveAction.Delete) =>
        new() { SourceConnection = "demo", TargetEnvironmentId = "env-1", DeprovisionOnRuleDeletion = deprovision, RemoveAction = removeAction };

    [Fact]
    public void A_rule_that_does_not_deprovision_remembers_the_bare_hash_stored_before_the_setting_existed()
    {
        Assert.Equal(InboundRuleFingerprint.Compute(Rule()), InboundRuleFingerprint.Remembered(Rule()));
        Assert.Null(InboundRuleFingerprint.DeprovisionOf(InboundRuleFingerprint.Remembered(Rule())));
    }

    [Theory]
    [InlineData(RemoveAction.Delete)]
    [InlineData(RemoveAction.Disable)]
    public void A_rule_that_deprovisions_remembers_how_and_is_not_due_for_a_resync_for_it(RemoveAction removeAction)
    {
        var rule = Rule(deprovision: true, removeAction: removeAction);
        var remembered = InboundRuleFingerprint.Remembered(rule);

        Assert.Equal(removeAction, InboundRuleFingerprint.DeprovisionOf(remembered));
        Assert.Equal(InboundRuleFingerprint.Compute(rule), InboundRuleFingerprint.HashOf(remembered));

        // Stored before deprovisioning was turned on (the bare hash), or after: neither is a configuration change.
        var now = DateTimeOffset.UtcNow;
        var before = new RuleState("r", RuleDirection.Inbound, InboundRuleFingerprint.Compute(Rule()), now, TimeOnly.FromDateTime(now.UtcDateTime), now, null, null);
        Assert.NotEqual(SyncRunKind.FullResync, InboundSchedule.Due(rule, before, [], now, TimeSpan.Zero));
        Assert.NotEqual(SyncRunKind.FullResync, InboundSchedule.Due(rule, before with { ConfigHash = remembered }, [], now, TimeSpan.Zero));
        Assert.Equal(SyncRunKind.FullResync, InboundSchedule.Due(Rule(), before with { ConfigHash = "another-configuration" }, [], now, TimeSpan.Zero));
    }
}
