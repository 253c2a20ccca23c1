using ProvisioningBus.Core.Rules;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.Outbound.Users;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Users;

namespace ProvisioningBus.Outbound.UnitTests;

public sealed class RuleScopeTests
{
    private static readonly PingOneUser Engineer = new()
    {
        Id = "u1",
        Username = "eng",
        Title = "Engineer",
        Population = new PingOneReference("pop-1"),
        MemberOfGroupIds = ["g-1"],
    };

    [Fact]
    public void No_conditions_means_every_user_is_in_scope() =>
        Assert.True(RuleScope.Compile(new RuleScopeOptions()).Includes(Engineer, PingOneUserAttributes.From(Engineer)));

    [Theory]
    [InlineData("population.id", "pop-1", true)]
    [InlineData("population.id", "pop-2", false)]
    [InlineData("memberOfGroups", "g-1", true)]
    [InlineData("memberOfGroups", "g-2", false)]
    [InlineData("title", "engineer", true)]
    [InlineData("title", "Manager", false)]
    [InlineData("name.given", "Anyone", false)]
    public void A_single_condition_compares_with_equals(string attribute, string value, bool expected)
    {
        var scope = Scope(ScopeMatch.All, (attribute, value));

        Assert.Equal(expected, scope.Includes(Engineer, PingOneUserAttributes.From(Engineer)));
    }

    [Fact]
    public void All_needs_every_condition_and_Any_needs_one()
    {
        var conditions = new[] { ("title", "Engineer"), ("population.id", "pop-2") };

        Assert.False(Scope(ScopeMatch.All, conditions).Includes(Engineer, PingOneUserAttributes.From(Engineer)));
        Assert.True(Scope(ScopeMatch.Any, conditions).Includes(Engineer, PingOneUserAttributes.From(Engineer)));
    }

    [Fact]
    public void Group_conditions_are_listed_so_membership_changes_can_reach_the_user_consumer() =>
        Assert.Equal(["g-9"], Scope(ScopeMatch.Any, ("memberOfGroups", "g-9"), ("title", "x")).GroupIds);

    [Fact]
    public void Operators_other_than_equals_and_unparsable_attributes_are_rejected_naming_the_condition()
    {
        var errors = RuleScope.Validate(new RuleScopeOptions
        {
            Conditions =
            [
                new ScopeConditionOptions { Attribute = "title", Operator = "contains", Value = "x" },
                new ScopeConditionOptions { Attribute = "name..given", Value = "x" },
            ],
        });

        Assert.Contains(errors, e => e.StartsWith("Conditions:0:Operator", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Conditions:1:Attribute", StringComparison.Ordinal));
    }

    private static RuleScope Scope(ScopeMatch match, params (string Attribute, string Value)[] conditions) =>
        RuleScope.Compile(new RuleScopeOptions
        {
            Match = match,
            Conditions = [.. conditions.Select(c => new ScopeConditionOptions { Attribute = c.Attribute, Value = c.Value })],
        });
}
