using static ProvisioningBus.Expressions.Tests.TestUsers;

namespace ProvisioningBus.Expressions.Tests;

public sealed class AttributeReferenceTests
{
    [Theory]
    [InlineData("#root.username")]
    [InlineData("user.username")]
    [InlineData("username")]
    [InlineData("#root['username']")]
    [InlineData("user?.username")]
    public void Every_reference_form_reads_the_root_attribute(string text) => Assert.Equal("tal.mason", EvaluateText(text));

    [Fact]
    public void Missing_attribute_is_null() => Assert.Same(NullValue.Instance, Evaluate("#root.nope"));

    [Fact]
    public void Path_through_a_missing_object_is_null() => Assert.Same(NullValue.Instance, Evaluate("#root.address.locality"));

    [Fact]
    public void Path_through_a_string_is_null() => Assert.Same(NullValue.Instance, Evaluate("#root.email.domain"));

    [Fact]
    public void Root_alone_is_the_whole_user_as_a_map() => Assert.IsType<MapValue>(Evaluate("#root"));

    [Fact]
    public void Json_array_is_a_list_indexed_by_number() => Assert.Equal("g-2", EvaluateText("user.memberOfGroupIDs[1]"));

    [Fact]
    public void Index_computed_from_an_attribute_looks_up_the_user() =>
        Assert.Equal("Tal", EvaluateText("user.name[{'t':'given'}['t']]"));

    [Fact]
    public void Json_number_is_a_number() => Assert.Equal(ExpressionValue.Of(42m), Evaluate("user.loginCount"));

    [Fact]
    public void Json_null_is_null() => Assert.Same(NullValue.Instance, MappingExpression.Parse("user.title").Evaluate(PingOneUser("""{ "title": null }""")));

    [Fact]
    public void Member_access_on_a_map_literal_reads_the_entry() => Assert.Equal("b", EvaluateText("{'a':'b'}.a"));

    [Fact]
    public void String_index_is_a_one_character_string() => Assert.Equal("a", EvaluateText("'Tal'[1]"));

    [Fact]
    public void Map_attribute_source_answers_the_same_paths_as_json()
    {
        var source = MapAttributeSource.FromDotted(
        [
            KeyValuePair.Create("name.given", ExpressionValue.Of("Ana")),
            KeyValuePair.Create("name.family", ExpressionValue.Of("Lima")),
            KeyValuePair.Create("enabled", ExpressionValue.Of(false)),
        ]);

        var expression = MappingExpression.Parse("(user.name.given + ' ' + user.name.family) + (#root.enabled ? '' : ' (closed)')");

        Assert.Equal("Ana Lima (closed)", expression.Evaluate(source).ToText());
    }

    [Fact]
    public void Json_source_outlives_the_document_it_was_built_from()
    {
        JsonAttributeSource source;
        using (var document = System.Text.Json.JsonDocument.Parse("""{ "email": "a@example.com" }"""))
        {
            source = new JsonAttributeSource(document.RootElement);
        }

        Assert.Equal("a@example.com", MappingExpression.Parse("user.email").Evaluate(source).ToText());
    }
}
