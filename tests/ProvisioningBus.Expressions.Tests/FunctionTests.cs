using static ProvisioningBus.Expressions.Tests.TestUsers;

namespace ProvisioningBus.Expressions.Tests;

public sealed class FunctionTests
{
    [Fact]
    public void SwitchExpr_compares_cases_like_equality() =>
        Assert.Equal("answer", EvaluateText("#core.switchExpr(user.loginCount, '42', 'text', 42, 'answer', 'none')"));

    [Fact]
    public void SwitchExpr_on_a_missing_value_returns_the_default() =>
        Assert.Equal("none", EvaluateText("#core.switchExpr(user.missing, 'a', 'b', 'none')"));

    [Fact]
    public void SwitchExpr_can_match_null() =>
        Assert.Equal("missing", EvaluateText("#core.switchExpr(user.missing, null, 'missing', 'present')"));

    [Fact]
    public void SwitchExpr_result_can_be_an_expression() =>
        Assert.Equal("Tal!", EvaluateText("#core.switchExpr(user.title, 'PM', user.name.given + '!', 'x')"));

    [Theory]
    [InlineData("#string.substring('Tal', 1)", "al")]
    [InlineData("#string.substring('Tal', 0, 10)", "Tal")]
    [InlineData("#string.substring('Tal', 5)", "")]
    [InlineData("#string.substring('Tal', -2)", "al")]
    [InlineData("#string.substring('', 0, 1)", "")]
    public void Substring_clamps_indexes_instead_of_failing(string text, string expected) => Assert.Equal(expected, EvaluateText(text));

    [Fact]
    public void Substring_of_null_is_null() => Assert.Same(NullValue.Instance, Evaluate("#string.substring(user.missing, 0, 1)"));

    [Fact]
    public void Substring_with_a_fractional_index_is_an_evaluation_error() =>
        Assert.Throws<ExpressionEvaluationException>(() => Evaluate("#string.substring('Tal', 1.5)"));

    [Theory]
    [InlineData("#string.toLowerCase('Tal.MASON@Example.com')", "tal.mason@example.com")]
    [InlineData("#string.toUpperCase(user.name.family)", "MASON")]
    [InlineData("#string.trim('  Tal ')", "Tal")]
    public void String_functions_transform_text(string text, string expected) => Assert.Equal(expected, EvaluateText(text));

    [Fact]
    public void String_function_of_null_is_null() => Assert.Same(NullValue.Instance, Evaluate("#string.toLowerCase(user.missing)"));

    [Fact]
    public void FindAllMatches_returns_every_match_as_a_list() =>
        Assert.Equal(new ListValue([ExpressionValue.Of("12"), ExpressionValue.Of("345")]), Evaluate("#regex.findAllMatches('a12b345', '[0-9]+')"));

    [Fact]
    public void FindAllMatches_result_can_be_indexed() =>
        Assert.Equal("tal", EvaluateText("#regex.findAllMatches(user.email, '[a-z]+')[0]"));

    [Fact]
    public void FindAllMatches_with_a_computed_bad_pattern_is_an_evaluation_error() =>
        Assert.Throws<ExpressionEvaluationException>(() => Evaluate("#regex.findAllMatches('a', '(' + '')"));
}
