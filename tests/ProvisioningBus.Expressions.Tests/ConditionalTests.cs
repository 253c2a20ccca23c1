using static ProvisioningBus.Expressions.Tests.TestUsers;

namespace ProvisioningBus.Expressions.Tests;

public sealed class ConditionalTests
{
    [Fact]
    public void Ternary_evaluates_only_the_chosen_branch() =>
        Assert.Equal("yes", EvaluateText("true ? 'yes' : #core.switchExpr(true && user.missing, 1, 2, 3)"));

    [Fact]
    public void Ternary_is_right_associative() =>
        Assert.Equal("b", EvaluateText("false ? 'a' : true ? 'b' : 'c'"));

    [Fact]
    public void Ternary_nests_in_the_true_branch() =>
        Assert.Equal("b", EvaluateText("true ? false ? 'a' : 'b' : 'c'"));

    [Fact]
    public void Ternary_condition_may_be_a_comparison() =>
        Assert.Equal("manager", EvaluateText("user.title == 'PM' ? 'manager' : 'staff'"));

    [Fact]
    public void Ternary_on_a_missing_attribute_fails_instead_of_choosing_the_false_branch()
    {
        // Mapping a data gap to 'Closed' would close the user's Docusign account.
        var error = Assert.Throws<ExpressionEvaluationException>(
            () => MappingExpression.Parse("#root.enabled ? 'Active' : 'Closed'").Evaluate(PingOneUser("{}")));

        Assert.Equal(0, error.Position);
        Assert.Contains("is null, expected a boolean", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ternary_on_a_string_condition_is_an_evaluation_error() =>
        Assert.Throws<ExpressionEvaluationException>(() => Evaluate("user.email ? 'a' : 'b'"));

    [Fact]
    public void Elvis_keeps_a_present_value() => Assert.Equal("PM", EvaluateText("user.title ?: 'none'"));

    [Fact]
    public void Elvis_replaces_null() => Assert.Equal("none", EvaluateText("user.missing ?: 'none'"));

    [Fact]
    public void Elvis_replaces_the_empty_string_as_SpEL_does() => Assert.Equal("none", EvaluateText("user.nickname ?: 'none'"));

    [Fact]
    public void Elvis_keeps_false() => Assert.Equal(BooleanValue.False, Evaluate("user.mfaEnabled ?: true"));

    [Fact]
    public void Elvis_chains_to_the_first_present_value() =>
        Assert.Equal("tal.mason", EvaluateText("user.missing ?: user.nickname ?: user.username"));
}
