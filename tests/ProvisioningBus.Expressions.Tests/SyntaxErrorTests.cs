namespace ProvisioningBus.Expressions.Tests;

public sealed class SyntaxErrorTests
{
    private static ExpressionSyntaxException ParseFails(string text) =>
        Assert.Throws<ExpressionSyntaxException>(() => MappingExpression.Parse(text));

    [Theory]
    [InlineData("user.name.given + )", 18, "Unexpected ')' at position 18: expected an expression")]
    [InlineData("#root.enabled ? 'Active' : )", 27, "Unexpected ')' at position 27: expected an expression")]
    [InlineData("#root.enabled ? 'Active'", 24, "Unexpected end of expression at position 24: expected ':' of the conditional")]
    [InlineData("(1 + 2", 6, "Unexpected end of expression at position 6: expected ')'")]
    [InlineData("'a' 'b'", 4, "Unexpected ''b'' at position 4: expected an operator or the end of the expression")]
    [InlineData("", 0, "Unexpected end of expression at position 0: expected an expression")]
    [InlineData("user.", 5, "Unexpected end of expression at position 5: expected a property name after '.'")]
    [InlineData("{'a':'b'", 8, "Unexpected end of expression at position 8: expected ',' or '}' in the map")]
    [InlineData("{'a' 'b'}", 5, "Unexpected ''b'' at position 5: expected ',' or '}' in the list")]
    [InlineData("and true", 0, "Unexpected 'and' at position 0: expected an expression")]
    [InlineData("1 == 1 == 1", 7, "Unexpected '==' at position 7: comparisons do not chain")]
    [InlineData("1 - 2", 2, "Unexpected '-' at position 2: arithmetic other than '+' is not supported")]
    [InlineData("user.title = 'PM'", 11, "Unexpected '=' at position 11: '=' (assignment) is not allowed")]
    [InlineData("a & b", 2, "Unexpected '&' at position 2: use '&&' or 'and'")]
    [InlineData("user.age > 3", 9, "Unexpected '>' at position 9")]
    [InlineData("#", 0, "Unexpected '#' at position 0")]
    [InlineData("1L", 1, "Unexpected 'L' at position 1: number suffixes")]
    public void Broken_input_is_rejected_with_its_position(string text, int position, string messageStart)
    {
        var error = ParseFails(text);

        Assert.Equal(position, error.Position);
        Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_string_points_at_its_opening_quote()
    {
        var error = ParseFails("user.name.given + ' ");

        Assert.Equal(18, error.Position);
        Assert.Equal("Unterminated string starting at position 18: expected a closing '", error.Message);
    }

    [Fact]
    public void Unterminated_double_quoted_string_is_rejected() => Assert.Equal(6, ParseFails("'a' + \"b").Position);

    [Fact]
    public void Doubled_quote_at_the_end_does_not_close_the_string() => Assert.Equal(0, ParseFails("'it''").Position);

    [Fact]
    public void Unknown_function_is_rejected_naming_the_available_ones()
    {
        var error = ParseFails("'x' + #string.format(user.email)");

        Assert.Equal(6, error.Position);
        Assert.StartsWith("Unknown function '#string.format' at position 6: available functions are", error.Message, StringComparison.Ordinal);
        Assert.Contains("#core.switchExpr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Datetime_format_is_rejected_rather_than_imitated() =>
        Assert.Equal(0, ParseFails("#datetime.format('2021-01-01T10:15:00Z','EEEE')").Position);

    [Fact]
    public void Unknown_variable_is_rejected() =>
        Assert.StartsWith("Unknown variable '#this' at position 0", ParseFails("#this").Message, StringComparison.Ordinal);

    [Fact]
    public void Method_calls_are_rejected_because_they_would_need_reflection()
    {
        var error = ParseFails("user.email.toLowerCase()");

        Assert.Equal(11, error.Position);
        Assert.Contains("#string.toLowerCase(value)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#core.switchExpr(user.a, 'x', 'y')")]
    [InlineData("#core.switchExpr(user.a, 'x', 'y', 'z', 'w')")]
    [InlineData("#string.trim()")]
    [InlineData("#string.substring('a')")]
    public void Wrong_argument_count_is_rejected_with_the_signature(string text)
    {
        var error = ParseFails(text);

        Assert.Equal(0, error.Position);
        Assert.StartsWith("Wrong number of arguments at position 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_comma_between_arguments_is_rejected() =>
        Assert.Equal(20, ParseFails("#string.trim(user.a user.b)").Position);

    [Fact]
    public void Duplicate_map_key_is_rejected() => Assert.Equal(8, ParseFails("{'a':1, 'a':2}").Position);

    [Fact]
    public void Invalid_literal_regex_is_rejected_at_load() => Assert.Equal(34, ParseFails("#regex.findAllMatches(user.email, '(')").Position);

    [Fact]
    public void Backtracking_only_regex_is_rejected_at_load() =>
        Assert.Contains("linear time", ParseFails("#regex.findAllMatches(user.email, '(a)\\1')").Message, StringComparison.Ordinal);
}
