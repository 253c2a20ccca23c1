using static ProvisioningBus.Expressions.Tests.TestUsers;

namespace ProvisioningBus.Expressions.Tests;

public sealed class LiteralTests
{
    [Fact]
    public void Single_quoted_string_with_doubled_quote_escape() => Assert.Equal("it's", EvaluateText("'it''s'"));

    [Fact]
    public void Double_quoted_string_with_doubled_quote_escape() => Assert.Equal("say \"hi\"", EvaluateText("\"say \"\"hi\"\"\""));

    [Fact]
    public void Double_quoted_string_may_hold_single_quotes() => Assert.Equal("it's", EvaluateText("\"it's\""));

    [Fact]
    public void Empty_string_literal() => Assert.Equal(new StringValue(""), Evaluate("''"));

    [Theory]
    [InlineData("1", "1")]
    [InlineData("42", "42")]
    [InlineData("1.5", "1.5")]
    [InlineData("-3", "-3")]
    public void Number_literals_print_as_written(string text, string expected) => Assert.Equal(expected, EvaluateText(text));

    [Fact]
    public void Boolean_literals() => Assert.Equal((BooleanValue.True, BooleanValue.False), (Evaluate("true"), Evaluate("false")));

    [Fact]
    public void Null_literal() => Assert.Same(NullValue.Instance, Evaluate("null"));

    [Fact]
    public void Map_literal_evaluates_to_a_map() =>
        Assert.Equal(new MapValue([KeyValuePair.Create("a", ExpressionValue.Of("b")), KeyValuePair.Create("c", ExpressionValue.Of("d"))]), Evaluate("{'a':'b','c':'d'}"));

    [Fact]
    public void Map_literal_keys_may_be_names_and_numbers() =>
        Assert.Equal("x", EvaluateText("{firstKey:'x', 2:'y'}['firstKey']"));

    [Fact]
    public void Map_literal_values_may_be_expressions() => Assert.Equal("Tal!", EvaluateText("{'k': user.name.given + '!'}['k']"));

    [Fact]
    public void Number_key_of_a_map_literal_is_found_by_a_number() => Assert.Equal("y", EvaluateText("{1:'x', 2:'y'}[2]"));

    [Fact]
    public void Empty_map_literal() => Assert.Equal(new MapValue([]), Evaluate("{:}"));

    [Fact]
    public void List_literal_from_the_PingOne_docs() => Assert.Equal(new ListValue([ExpressionValue.Of("USER")]), Evaluate("{'USER'}"));

    [Fact]
    public void Empty_braces_are_an_empty_list_as_in_SpEL() => Assert.Equal(new ListValue([]), Evaluate("{}"));

    [Fact]
    public void List_literal_is_indexed_by_number() => Assert.Equal("b", EvaluateText("{'a','b','c'}[1]"));

    [Fact]
    public void List_index_out_of_range_is_null() => Assert.Same(NullValue.Instance, Evaluate("{'a'}[5]"));

    [Fact]
    public void Keywords_are_case_sensitive_so_TRUE_is_an_attribute_name() =>
        Assert.Same(NullValue.Instance, Evaluate("TRUE"));
}
