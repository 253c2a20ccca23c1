using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.Outbound.Users;
using ProvisioningBus.PingOne.Users;

namespace ProvisioningBus.Outbound.UnitTests;

public sealed class UserMappingTests
{
    private static readonly PingOneUser Ada = new()
    {
        Id = "u1",
        Username = "ada",
        Email = "ada@example.com",
        Name = new PingOneUserName { Given = "Ada", Family = "Lovelace" },
        Title = "Analyst",
        Enabled = false,
    };

    [Fact]
    public void Default_mappings_give_the_product_page_attributes()
    {
        var mapped = Compile([]).Map(PingOneUserAttributes.From(Ada));

        Assert.Equal(new MappedDocusignUser("Ada Lovelace", "ada@example.com", "Ada", "Lovelace", "Analyst", null), mapped);
    }

    [Fact]
    public void The_enabled_expression_maps_a_disabled_user_to_Closed()
    {
        var mapped = Compile(new() { ["userStatus"] = "#root.enabled ? 'Active' : 'Closed'" }).Map(PingOneUserAttributes.From(Ada));

        Assert.Equal("Closed", mapped.UserStatus);
        Assert.Equal(DesiredUserStatus.Closed, UserStatusMapping.Decide(mapped.UserStatus));
    }

    [Fact]
    public void Mapping_enabled_straight_onto_userStatus_is_a_schema_error() =>
        Assert.Contains(UserAttributeMapping.Compile(new Dictionary<string, string> { ["userStatus"] = "enabled" }, out _), e => e.StartsWith("userStatus:", StringComparison.Ordinal));

    [Fact]
    public void A_user_without_email_cannot_be_mapped() =>
        Assert.Throws<UnmappableUserException>(() => Compile([]).Map(PingOneUserAttributes.From(Ada with { Email = null })));

    [Fact]
    public void The_hash_changes_with_any_mapped_attribute_but_not_with_email_case()
    {
        var mapped = Compile([]).Map(PingOneUserAttributes.From(Ada));

        Assert.Equal(mapped.Hash(), (mapped with { Email = "ADA@example.com" }).Hash());
        Assert.NotEqual(mapped.Hash(), (mapped with { JobTitle = "Director" }).Hash());
        Assert.NotEqual(mapped.Hash(), (mapped with { UserStatus = "Closed" }).Hash());
    }

    [Theory]
    [InlineData(null, DesiredUserStatus.Unspecified)]
    [InlineData("", DesiredUserStatus.Unspecified)]
    [InlineData("Active", DesiredUserStatus.Active)]
    [InlineData("closed", DesiredUserStatus.Closed)]
    [InlineData("Disabled", DesiredUserStatus.NotSupported)]
    [InlineData("ActivationSent", DesiredUserStatus.NotSupported)]
    public void A_mapped_userStatus_becomes_the_operation_that_reaches_it(string? status, DesiredUserStatus expected) =>
        Assert.Equal(expected, UserStatusMapping.Decide(status));

    private static UserAttributeMapping Compile(Dictionary<string, string> configured)
    {
        var errors = UserAttributeMapping.Compile(configured, out var mapping);
        Assert.Empty(errors);
        return mapping!;
    }
}
