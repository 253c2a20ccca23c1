namespace ProvisioningBus.Expressions.Tests;

public sealed class TypeInferenceTests
{
    [Theory]
    [InlineData("'x'", ExpressionType.String)]
    [InlineData("1", ExpressionType.Number)]
    [InlineData("true", ExpressionType.Boolean)]
    [InlineData("null", ExpressionType.Unknown)]
    [InlineData("#root.enabled", ExpressionType.Unknown)]
    [InlineData("#root.enabled ? 'Active' : 'Closed'", ExpressionType.String)]
    [InlineData("#root.enabled ? 'Active' : null", ExpressionType.String)]
    [InlineData("#root.enabled ? 'Active' : 1", ExpressionType.Unknown)]
    [InlineData("user.a == user.b", ExpressionType.Boolean)]
    [InlineData("!user.a", ExpressionType.Boolean)]
    [InlineData("user.a && user.b", ExpressionType.Boolean)]
    [InlineData("user.a + ' '", ExpressionType.String)]
    [InlineData("1 + 2", ExpressionType.Number)]
    [InlineData("user.a + user.b", ExpressionType.Unknown)]
    [InlineData("user.a ?: 'x'", ExpressionType.Unknown)]
    [InlineData("'y' ?: 'x'", ExpressionType.String)]
    [InlineData("{'PM':'Product Manager'}[user.title]", ExpressionType.String)]
    [InlineData("#core.switchExpr(user.a, 'x', 'X', 'Y')", ExpressionType.String)]
    [InlineData("#core.switchExpr(user.a, 'x', true, false)", ExpressionType.Boolean)]
    [InlineData("#core.switchExpr(user.a, 'x', true, 'no')", ExpressionType.Unknown)]
    [InlineData("#string.toUpperCase(user.a)", ExpressionType.String)]
    [InlineData("-1", ExpressionType.Number)]
    public void Result_type_is_inferred_without_a_schema(string text, ExpressionType expected) =>
        Assert.Equal(expected, MappingExpression.Parse(text).InferType());

    [Theory]
    [InlineData("#root.enabled", ExpressionType.Boolean)]
    [InlineData("enabled", ExpressionType.Boolean)]
    [InlineData("user.name.given", ExpressionType.String)]
    [InlineData("user['name']['given']", ExpressionType.String)]
    [InlineData("user.customThing", ExpressionType.Unknown)]
    [InlineData("user.enabled ?: false", ExpressionType.Boolean)]
    public void Attribute_types_come_from_the_source_schema(string text, ExpressionType expected) =>
        Assert.Equal(expected, MappingExpression.Parse(text).InferType(KnownSchemas.PingOne));

    [Fact]
    public void Possible_texts_of_the_status_ternary_are_its_two_literals() =>
        Assert.Equal(["Active", "Closed"], MappingExpression.Parse("#root.enabled ? 'Active' : 'Closed'").PossibleTexts()!.Order());

    [Fact]
    public void Possible_texts_are_unknown_when_an_outcome_is_computed() =>
        Assert.Null(MappingExpression.Parse("#root.enabled ? 'Active' : user.status").PossibleTexts());

    [Fact]
    public void Attribute_reference_is_exposed_for_plain_paths() =>
        Assert.Equal(AttributePath.FromDotted("name.given"), MappingExpression.Parse("#root.name['given']").AttributeReference);

    [Fact]
    public void Attribute_reference_is_null_for_computed_expressions() =>
        Assert.Null(MappingExpression.Parse("user.a + 'x'").AttributeReference);
}
