using static ProvisioningBus.Expressions.Tests.TestUsers;

namespace ProvisioningBus.Expressions.Tests;

/// <summary>The examples of mission.md §4 and pingone-api.md §3.4, evaluated against a PingOne user document.</summary>
public sealed class MissionExampleTests
{
    [Theory]
    [InlineData(true, "Active")]
    [InlineData(false, "Closed")]
    public void Ternary_on_enabled_maps_to_Active_or_Closed(bool enabled, string expected)
    {
        var user = PingOneUser($$"""{ "enabled": {{(enabled ? "true" : "false")}} }""");

        var status = MappingExpression.Parse("#root.enabled ? 'Active' : 'Closed'").Evaluate(user);

        Assert.Equal(new StringValue(expected), status);
    }

    [Fact]
    public void Concatenation_of_given_and_family_name_builds_the_full_name() =>
        Assert.Equal("Tal Mason", EvaluateText("user.name.given + ' ' + user.name.family"));

    [Fact]
    public void Comma_separated_name_from_the_PingOne_docs_evaluates() =>
        Assert.Equal("Tal, Mason", EvaluateText("user.name.given + ', ' + user.name.family"));

    [Fact]
    public void Root_and_user_prefixes_read_the_same_attribute() =>
        Assert.Equal(Evaluate("#root.name.given"), Evaluate("user.name.given"));

    [Fact]
    public void Map_syntax_reads_keys_that_need_quoting() =>
        Assert.Equal("Tal A. Mason", EvaluateText("user.name['full-name']"));

    [Fact]
    public void Map_syntax_chains_like_property_access() =>
        Assert.Equal("Tal", EvaluateText("user['name']['given']"));

    [Fact]
    public void Map_literal_lookup_with_Elvis_default_finds_the_title() =>
        Assert.Equal("Product Manager", EvaluateText("{'PM':'Product Manager','SA':'Software Architect'}[user.title] ?: 'Unknown'"));

    [Fact]
    public void Map_literal_lookup_with_Elvis_default_falls_back_for_an_unknown_key()
    {
        var user = PingOneUser("""{ "title": "CEO" }""");

        var title = MappingExpression.Parse("{'PM':'Product Manager','SA':'Software Architect'}[user.title] ?: 'Unknown'").Evaluate(user);

        Assert.Equal(new StringValue("Unknown"), title);
    }

    [Theory]
    [InlineData("0000EXAMPLEID", "Valid")]
    [InlineData("other", "Invalid")]
    public void SwitchExpr_with_one_case_returns_the_result_or_the_default(string accountId, string expected)
    {
        var user = PingOneUser($$"""{ "accountId": "{{accountId}}" }""");

        var result = MappingExpression.Parse("#core.switchExpr(#root.accountId, '0000EXAMPLEID', 'Valid', 'Invalid')").Evaluate(user);

        Assert.Equal(new StringValue(expected), result);
    }

    [Theory]
    [InlineData("ID1", "Full Access")]
    [InlineData("ID2", "Restricted Access")]
    [InlineData("ID3", "Read-only Access")]
    [InlineData("ID4", "No Access")]
    public void SwitchExpr_multi_case_form_picks_the_matching_case(string accountId, string expected)
    {
        var user = PingOneUser($$"""{ "accountId": "{{accountId}}" }""");
        const string text = "#core.switchExpr(#root.accountId, 'ID1','Full Access','ID2','Restricted Access','ID3','Read-only Access','No Access')";

        Assert.Equal(expected, MappingExpression.Parse(text).Evaluate(user).ToText());
    }

    [Fact]
    public void Substring_takes_the_initial_of_the_given_name() =>
        Assert.Equal("T", EvaluateText("#string.substring(user.name.given,0,1)"));

    [Fact]
    public void Tripled_quotes_yield_a_quoted_string() =>
        Assert.Equal("'x'", EvaluateText("'''x'''"));

    [Fact]
    public void Full_name_default_mapping_prefers_formatted_then_given_and_family()
    {
        var expression = MappingExpression.Parse("user.name.formatted ?: user.name.given + ' ' + user.name.family");

        Assert.Equal("Tal Mason", expression.Evaluate(PingOneUser()).ToText());
        Assert.Equal("Ana Lima", expression.Evaluate(PingOneUser("""{ "name": { "given": "Ana", "family": "Lima" } }""")).ToText());
    }
}
