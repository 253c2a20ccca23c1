using Microsoft.Extensions.Configuration;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.Inbound.Rules;

namespace ProvisioningBus.Inbound.Tests.Rules;

public sealed class InboundOptionsValidationTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Docusign:Connections:demo:AccountId"] = "account",
            ["PingOne:EnvironmentId"] = "env-1",
        })
        .Build();

    [Fact]
    public void A_valid_rule_with_the_default_mappings_passes()
    {
        var result = Validate(new InboundRuleOptions { SourceConnection = "demo", TargetEnvironmentId = "env-1" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Each_broken_setting_is_rejected_with_its_configuration_key()
    {
        var rule = new InboundRuleOptions
        {
            SourceConnection = "missing",
            TargetEnvironmentId = "env-2",
            Mappings = { ["username"] = "#root.userName +", ["population.id"] = "'x'", ["title"] = "company" },
            UserFilter = { Conditions = [new ScopeConditionOptions { Attribute = "department", Operator = "contains", Value = "x" }] },
            MassDeletionGuard = { MaxDeletions = -1, MaxDeletionPercent = 150 },
        };

        var failures = Validate(rule).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Inbound:Rules:r:SourceConnection 'missing'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inbound:Rules:r:TargetEnvironmentId 'env-2'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inbound:Rules:r:Mappings:username:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inbound:Rules:r:Mappings:population.id:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inbound:Rules:r:UserFilter:Conditions:0:Attribute 'department'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inbound:Rules:r:UserFilter:Conditions:0:Operator 'contains'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inbound:Rules:r:MassDeletionGuard:MaxDeletions", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inbound:Rules:r:MassDeletionGuard:MaxDeletionPercent", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("Mappings:title", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_deleted_rule_guard_is_rejected_with_its_configuration_key()
    {
        var options = new InboundOptions { DeletedRuleGuard = { MaxDeletions = -1 } };

        var failures = new InboundOptionsValidator(Configuration).Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Inbound:DeletedRuleGuard:MaxDeletions", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_poll_live_reserve_outside_zero_to_below_one_is_rejected(double reserve)
    {
        var options = new InboundOptions { PollLiveReserve = reserve, Rules = { ["r"] = new InboundRuleOptions { SourceConnection = "demo", TargetEnvironmentId = "env-1" } } };

        var failures = new InboundOptionsValidator(Configuration).Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Inbound:PollLiveReserve", StringComparison.Ordinal));
    }

    [Fact]
    public void Incremental_settings_are_checked_and_a_job_title_filter_needs_the_changed_users_fetched()
    {
        var rule = new InboundRuleOptions
        {
            SourceConnection = "demo",
            TargetEnvironmentId = "env-1",
            Incremental = { OrganizationId = "not-a-guid", FullSnapshotEvery = TimeSpan.Zero, Overlap = TimeSpan.FromMinutes(-1) },
            UserFilter = { Conditions = [new ScopeConditionOptions { Attribute = "jobTitle", Operator = "equals", Value = "Engineer" }] },
        };

        var failures = Validate(rule).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Inbound:Rules:r:Incremental:OrganizationId", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inbound:Rules:r:Incremental:FullSnapshotEvery", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inbound:Rules:r:Incremental:Overlap", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inbound:Rules:r:Incremental:FetchChangedUsers", StringComparison.Ordinal));

        rule.Incremental = new InboundIncrementalOptions { OrganizationId = Guid.NewGuid().ToString(), FetchChangedUsers = true };
        Assert.True(Validate(rule).Succeeded, Validate(rule).FailureMessage);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(InboundRuleOptions rule) =>
        new InboundOptionsValidator(Configuration).Validate(null, new InboundOptions { Rules = { ["r"] = rule } });
}
