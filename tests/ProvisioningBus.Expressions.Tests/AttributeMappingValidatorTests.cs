namespace ProvisioningBus.Expressions.Tests;

public sealed class AttributeMappingValidatorTests
{
    private readonly AttributeMappingValidator _outbound = new(KnownSchemas.PingOne, KnownSchemas.Docusign);
    private readonly AttributeMappingValidator _inbound = new(KnownSchemas.Docusign, KnownSchemas.PingOne);

    [Fact]
    public void Mapping_enabled_straight_onto_userStatus_is_a_schema_error()
    {
        var result = _outbound.Validate(AttributeMapping.FromAttribute("enabled", "userStatus"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(
            "'enabled' is a boolean but Docusign 'userStatus' is a string with values ActivationRequired, ActivationSent, Active, Closed, Disabled; use an expression such as #root.enabled ? 'Active' : 'Closed'",
            error.Message);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Mapping_root_enabled_expression_onto_userStatus_is_a_schema_error()
    {
        var result = _outbound.Validate(AttributeMapping.FromExpression("#root.enabled", "userStatus"));

        Assert.StartsWith("'#root.enabled' is a boolean but Docusign 'userStatus' is a string", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Boolean_expression_onto_userStatus_suggests_wrapping_it_in_a_ternary()
    {
        var result = _outbound.Validate(AttributeMapping.FromExpression("#root.enabled && #root.mfaEnabled", "userStatus"));

        Assert.EndsWith("use an expression such as (#root.enabled && #root.mfaEnabled) ? 'Active' : 'Closed'", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ternary_on_enabled_onto_userStatus_is_accepted_and_evaluates()
    {
        var result = _outbound.Validate(AttributeMapping.FromExpression("#root.enabled ? 'Active' : 'Closed'", "userStatus"));

        Assert.True(result.IsValid);
        Assert.Equal("Active", result.Expression!.Evaluate(TestUsers.PingOneUser()).ToText());
    }

    [Fact]
    public void Status_values_are_accepted_ignoring_case() =>
        Assert.True(_outbound.Validate(AttributeMapping.FromExpression("#root.enabled ? 'active' : 'closed'", "userStatus")).IsValid);

    [Fact]
    public void Ternary_producing_a_status_Docusign_does_not_have_is_rejected()
    {
        var result = _outbound.Validate(AttributeMapping.FromExpression("#root.enabled ? 'Active' : 'Suspended'", "userStatus"));

        Assert.StartsWith("'#root.enabled ? 'Active' : 'Suspended'' can produce 'Suspended', which Docusign 'userStatus' does not accept", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SwitchExpr_outcomes_are_checked_against_allowed_values() =>
        Assert.Single(_outbound.Validate(AttributeMapping.FromExpression("#core.switchExpr(user.lifecycle.status, 'ACCOUNT_OK', 'Active', 'Off')", "userStatus")).Errors);

    [Theory]
    [InlineData("email", "email")]
    [InlineData("name.given", "firstName")]
    [InlineData("name.family", "lastName")]
    [InlineData("title", "jobTitle")]
    [InlineData("#root.name.formatted", "userName")]
    [InlineData("customAttribute", "company")]
    public void Default_outbound_mappings_are_accepted(string source, string target) =>
        Assert.True(_outbound.Validate(AttributeMapping.FromAttribute(source, target)).IsValid);

    [Fact]
    public void Full_name_expression_onto_userName_is_accepted() =>
        Assert.True(_outbound.Validate(AttributeMapping.FromExpression("user.name.formatted ?: user.name.given + ' ' + user.name.family", "userName")).IsValid);

    [Fact]
    public void Number_onto_a_string_attribute_is_accepted() =>
        Assert.True(_outbound.Validate(AttributeMapping.FromExpression("1 + 2", "company")).IsValid);

    [Fact]
    public void Unknown_Docusign_target_attribute_is_rejected() =>
        Assert.StartsWith("Docusign has no user attribute 'status'", Assert.Single(_outbound.Validate(AttributeMapping.FromAttribute("enabled", "status")).Errors).Message, StringComparison.Ordinal);

    [Fact]
    public void Custom_PingOne_target_attribute_is_accepted() =>
        Assert.True(_inbound.Validate(AttributeMapping.FromAttribute("company", "costCenter")).IsValid);

    [Fact]
    public void Unknown_Docusign_source_attribute_is_rejected() =>
        Assert.StartsWith("Docusign has no user attribute 'nope'", Assert.Single(_inbound.Validate(AttributeMapping.FromAttribute("nope", "title")).Errors).Message, StringComparison.Ordinal);

    [Fact]
    public void Inbound_userStatus_string_onto_PingOne_enabled_boolean_is_rejected() =>
        Assert.Equal(
            "'userStatus' is a string but PingOne 'enabled' is a boolean",
            Assert.Single(_inbound.Validate(AttributeMapping.FromAttribute("userStatus", "enabled")).Errors).Message);

    [Fact]
    public void Inbound_comparison_onto_PingOne_enabled_is_accepted() =>
        Assert.True(_inbound.Validate(AttributeMapping.FromExpression("#root.userStatus == 'Active'", "enabled")).IsValid);

    [Fact]
    public void Syntax_error_is_reported_with_its_position()
    {
        var result = _outbound.Validate(AttributeMapping.FromExpression("#root.enabled ? 'Active' : )", "userStatus"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(27, error.Position);
        Assert.Equal("The source of Docusign 'userStatus' is invalid: Unexpected ')' at position 27: expected an expression", error.Message);
        Assert.Null(result.Expression);
    }

    [Fact]
    public void Plain_source_attribute_must_be_a_path() =>
        Assert.StartsWith("'given + family' is not an attribute path", Assert.Single(_outbound.Validate(AttributeMapping.FromAttribute("given + family", "userName")).Errors).Message, StringComparison.Ordinal);

    [Fact]
    public void Malformed_plain_source_attribute_is_a_positioned_error() =>
        Assert.Equal(5, Assert.Single(_outbound.Validate(AttributeMapping.FromAttribute("name..given", "firstName")).Errors).Position);

    [Fact]
    public void Custom_target_schema_describes_its_own_booleans()
    {
        var target = new AttributeSchema("Acme", [new AttributeDefinition("state", ExpressionType.String) { BooleanEncoding = new BooleanEncoding("on", "off") }], acceptsUndeclaredAttributes: false);
        var validator = new AttributeMappingValidator(KnownSchemas.PingOne, target);

        var error = Assert.Single(validator.Validate(AttributeMapping.FromAttribute("mfaEnabled", "state")).Errors);

        Assert.Equal("'mfaEnabled' is a boolean but Acme 'state' is a string; use an expression such as #root.mfaEnabled ? 'on' : 'off'", error.Message);
    }

    [Fact]
    public void ValidateAll_checks_every_mapping() =>
        Assert.Equal(
            [true, false],
            _outbound.ValidateAll([AttributeMapping.FromAttribute("email", "email"), AttributeMapping.FromAttribute("enabled", "userStatus")]).Select(r => r.IsValid));
}
