namespace ProvisioningBus.Expressions.Tests;

public sealed class LimitTests
{
    [Fact]
    public void Expression_at_the_length_limit_parses()
    {
        var text = "'" + new string('a', MappingExpression.MaxLength - 2) + "'";

        Assert.Equal(MappingExpression.MaxLength - 2, MappingExpression.Parse(text).Evaluate(JsonAttributeSource.Parse("{}")).ToText()!.Length);
    }

    [Fact]
    public void Expression_over_the_length_limit_is_rejected()
    {
        var text = "'" + new string('a', MappingExpression.MaxLength - 1) + "'";

        var error = Assert.Throws<ExpressionSyntaxException>(() => MappingExpression.Parse(text));

        Assert.Equal(MappingExpression.MaxLength, error.Position);
    }

    [Fact]
    public void Parentheses_nested_to_the_limit_parse() =>
        MappingExpression.Parse(new string('(', MappingExpression.MaxDepth - 1) + "1" + new string(')', MappingExpression.MaxDepth - 1));

    [Fact]
    public void Parentheses_nested_past_the_limit_are_rejected()
    {
        var text = new string('(', MappingExpression.MaxDepth) + "1" + new string(')', MappingExpression.MaxDepth);

        var error = Assert.Throws<ExpressionSyntaxException>(() => MappingExpression.Parse(text));

        Assert.StartsWith("Expression nests deeper than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thousands_of_nots_are_rejected_before_they_can_exhaust_the_stack() =>
        Assert.Throws<ExpressionSyntaxException>(() => MappingExpression.Parse(new string('!', 4000) + "true"));

    [Fact]
    public void Long_concatenation_chain_is_rejected_because_its_tree_is_too_deep() =>
        Assert.Throws<ExpressionSyntaxException>(() => MappingExpression.Parse(string.Join(" + ", Enumerable.Repeat("'a'", 100))));

    [Fact]
    public void Concatenation_of_a_realistic_length_parses() =>
        Assert.Equal(new string('a', 40), MappingExpression.Parse(string.Join(" + ", Enumerable.Repeat("'a'", 40))).Evaluate(JsonAttributeSource.Parse("{}")).ToText());

    [Fact]
    public void Deep_map_literal_nesting_is_rejected() =>
        Assert.Throws<ExpressionSyntaxException>(() => MappingExpression.Parse(string.Concat(Enumerable.Repeat("{'a':", 70)) + "1" + new string('}', 70)));
}
