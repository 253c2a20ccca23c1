using static ProvisioningBus.Expressions.Tests.TestUsers;

namespace ProvisioningBus.Expressions.Tests;

public sealed class OperatorTests
{
    [Theory]
    [InlineData("'a' == 'a'", true)]
    [InlineData("'a' == 'A'", false)]
    [InlineData("'a' != 'b'", true)]
    [InlineData("1 == 1.0", true)]
    [InlineData("1 == '1'", false)]
    [InlineData("null == null", true)]
    [InlineData("user.missing == null", true)]
    [InlineData("user.email == null", false)]
    [InlineData("user.enabled == true", true)]
    [InlineData("user.title eq 'PM'", true)]
    [InlineData("user.title ne 'PM'", false)]
    [InlineData("{'a':'b'} == {'a':'b'}", true)]
    public void Equality_compares_values_by_type_and_content(string text, bool expected) =>
        Assert.Equal(ExpressionValue.Of(expected), Evaluate(text));

    [Theory]
    [InlineData("true && true", true)]
    [InlineData("true && false", false)]
    [InlineData("true and false", false)]
    [InlineData("false || true", true)]
    [InlineData("false or false", false)]
    [InlineData("!true", false)]
    [InlineData("not false", true)]
    [InlineData("!!true", true)]
    [InlineData("true || false && false", true)]
    [InlineData("(true || false) && false", false)]
    [InlineData("!user.mfaEnabled && user.enabled", true)]
    public void Logical_operators_follow_SpEL_precedence(string text, bool expected) =>
        Assert.Equal(ExpressionValue.Of(expected), Evaluate(text));

    [Fact]
    public void And_short_circuits_so_the_right_side_is_not_evaluated() =>
        Assert.Equal(BooleanValue.False, Evaluate("false && user.missing"));

    [Fact]
    public void Or_short_circuits_so_the_right_side_is_not_evaluated() =>
        Assert.Equal(BooleanValue.True, Evaluate("true || user.missing"));

    [Fact]
    public void Null_operand_of_and_is_an_evaluation_error()
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => Evaluate("true && user.missing"));

        Assert.Equal(8, error.Position);
        Assert.Contains("null, expected a boolean", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_of_a_string_is_an_evaluation_error() =>
        Assert.Throws<ExpressionEvaluationException>(() => Evaluate("!user.email"));

    [Fact]
    public void Plus_adds_numbers() => Assert.Equal(ExpressionValue.Of(43m), Evaluate("user.loginCount + 1"));

    [Fact]
    public void Plus_concatenates_left_to_right_so_numbers_before_a_string_are_added_first() =>
        Assert.Equal("3a", EvaluateText("1 + 2 + 'a'"));

    [Fact]
    public void Plus_renders_numbers_and_booleans_as_text_next_to_a_string() =>
        Assert.Equal("n=42 enabled=true", EvaluateText("'n=' + user.loginCount + ' enabled=' + user.enabled"));

    [Fact]
    public void Null_concatenates_as_the_empty_string_not_the_text_null() =>
        Assert.Equal("Tal ", EvaluateText("user.name.given + ' ' + user.name.middle"));

    [Fact]
    public void Null_plus_null_stays_null_so_Elvis_can_default_it() =>
        Assert.Equal("none", EvaluateText("(user.a + user.b) ?: 'none'"));

    [Fact]
    public void Plus_on_a_boolean_and_a_number_is_an_evaluation_error_at_the_operator()
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => Evaluate("true + 1"));

        Assert.Equal(5, error.Position);
    }

    [Fact]
    public void Concatenating_a_list_is_an_evaluation_error() =>
        Assert.Throws<ExpressionEvaluationException>(() => Evaluate("'groups: ' + user.memberOfGroupIDs"));

    [Fact]
    public void Parentheses_group_before_concatenation() => Assert.Equal("x3", EvaluateText("'x' + (1 + 2)"));

    [Fact]
    public void Unary_minus_negates_a_number() => Assert.Equal(ExpressionValue.Of(-42m), Evaluate("-user.loginCount"));
}
