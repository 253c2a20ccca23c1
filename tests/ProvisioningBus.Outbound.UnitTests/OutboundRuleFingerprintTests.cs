using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Outbound.Rules;

namespace ProvisioningBus.Outbound.UnitTests;

public sealed class OutboundRuleFingerprintTests
{
    [Fact]
    public void A_fingerprint_survives_the_store_round_trip()
    {
        var fingerprint = Fingerprint(Rule(), Configuration(), connectionEnabled: true);

        Assert.Equal(fingerprint, OutboundRuleFingerprint.Parse(fingerprint.Format()));
        Assert.True(fingerprint.DeprovisionOnRuleDeletion);
        Assert.Equal("demo", fingerprint.TargetConnection);
    }

    [Fact]
    public void Scope_mapping_and_connection_authentication_changes_call_for_a_resync()
    {
        var before = Fingerprint(Rule(), Configuration(), connectionEnabled: true);

        Assert.False(Fingerprint(Rule(), Configuration(), connectionEnabled: true).RequiresResyncSince(before));
        Assert.True(Fingerprint(Rule(scope: "Sales"), Configuration(), connectionEnabled: true).RequiresResyncSince(before));
        Assert.True(Fingerprint(Rule(jobTitle: "name.given"), Configuration(), connectionEnabled: true).RequiresResyncSince(before));
        Assert.True(Fingerprint(Rule(), Configuration(clientId: "other"), connectionEnabled: true).RequiresResyncSince(before));
        Assert.True(before.RequiresResyncSince(null));
    }

    [Fact]
    public void Re_enabling_the_connection_calls_for_a_resync_and_disabling_it_does_not()
    {
        var enabled = Fingerprint(Rule(), Configuration(), connectionEnabled: true);
        var disabled = Fingerprint(Rule(), Configuration(), connectionEnabled: false);

        Assert.False(disabled.RequiresResyncSince(enabled));
        Assert.True(enabled.RequiresResyncSince(disabled));
    }

    private static OutboundRuleFingerprint Fingerprint(OutboundRuleOptions options, IConfiguration configuration, bool connectionEnabled)
    {
        var rule = new OutboundRuleCatalog(Options.Create(new OutboundOptions { Rules = { ["rule"] = options } })).All[0];
        return OutboundRuleFingerprint.Of(rule, configuration, connectionEnabled);
    }

    private static OutboundRuleOptions Rule(string scope = "Engineer", string? jobTitle = null)
    {
        var rule = new OutboundRuleOptions
        {
            SourceEnvironmentId = "env",
            TargetConnection = "demo",
            UserActions = new UserActionsOptions { DeprovisionOnRuleDeletion = true },
            Scope = new RuleScopeOptions { Conditions = [new ScopeConditionOptions { Attribute = "title", Value = scope }] },
        };
        if (jobTitle is not null)
        {
            rule.Mappings["jobTitle"] = jobTitle;
        }

        return rule;
    }

    private static IConfiguration Configuration(string clientId = "client") => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Docusign:Connections:demo:ClientId"] = clientId,
            ["Docusign:Connections:demo:AccountId"] = "account",
        })
        .Build();
}
