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
    [InlineData("isAdmin")]
    [InlineData("userId")]
    [InlineData("userType")]
    [InlineData("countryOfResidence")]
    public void A_target_Docusign_does_not_take_as_a_mapped_value_is_rejected_naming_it_and_the_supported_list(string target)
    {
        var errors = UserAttributeMapping.Compile(new Dictionary<string, string> { [target] = "title" }, out var mapping);

        Assert.Null(mapping);
        var error = Assert.Single(errors);
        Assert.StartsWith($"{target}: '{target}' is not a Docusign user attribute that can be mapped (supported: userName, email, firstName, middleName, lastName, suffixName, title, jobTitle, company, permissionProfileId, permissionProfileName, userStatus)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_supported_optional_attribute_is_mapped_and_an_unmapped_one_stays_unsent()
    {
        var mapping = Compile(new()
        {
            ["middleName"] = "name.middle",
            ["suffixName"] = "'Jr.'",
            ["title"] = "'Dr.'",
            ["company"] = "'Acme'",
            ["permissionProfileName"] = "'DocuSign Viewer'",
        });

        var mapped = mapping.Map(PingOneUserAttributes.From(Ada));

        // Mapped with no value is empty (an update clears it); not mapped is null (never sent).
        Assert.Equal(("", "Jr.", "Dr.", "Acme", "DocuSign Viewer", null), (mapped.MiddleName, mapped.SuffixName, mapped.Title, mapped.Company, mapped.PermissionProfileName, mapped.PermissionProfileId));
        var update = DocusignUserRequests.Update("d1", mapped, includeEmail: false);
        Assert.Equal(("", "Jr.", "Dr.", "Acme", "DocuSign Viewer", null), (update.MiddleName, update.SuffixName, update.Title, update.Company, update.PermissionProfileName, update.PermissionProfileId));
        Assert.Null(DocusignUserRequests.Create(mapped).MiddleName);
        Assert.Null(DocusignUserRequests.Update("d1", Compile([]).Map(PingOneUserAttributes.From(Ada)), includeEmail: false).Company);
    }

    [Fact]
    public void A_permission_profile_is_mapped_by_id_or_by_name_not_both() =>
        Assert.Contains(
            UserAttributeMapping.Compile(new Dictionary<string, string> { ["permissionProfileId"] = "'1'", ["permissionProfileName"] = "'Viewer'" }, out _),
            error => error.StartsWith("permissionProfileName: map the permission profile by id or by name", StringComparison.Ordinal));

    [Fact]
    public void MapEnabledToUserStatus_adds_the_ready_made_userStatus_mapping()
    {
        var errors = UserAttributeMapping.Compile(new Core.Rules.OutboundRuleOptions { MapEnabledToUserStatus = true }, out var mapping);

        Assert.Empty(errors);
        Assert.Equal("Closed", mapping!.Map(PingOneUserAttributes.From(Ada)).UserStatus);
        Assert.Equal("Active", mapping.Map(PingOneUserAttributes.From(Ada with { Enabled = true })).UserStatus);
        Assert.Null(Compile([]).Map(PingOneUserAttributes.From(Ada)).UserStatus);
    }

    [Fact]
    public void MapEnabledToUserStatus_with_a_userStatus_mapping_too_is_rejected_naming_both() =>
        Assert.Equal(
            ["userStatus: MapEnabledToUserStatus adds this mapping; remove one of the two (Mappings:userStatus or MapEnabledToUserStatus)."],
            UserAttributeMapping.Compile(new Core.Rules.OutboundRuleOptions { MapEnabledToUserStatus = true, Mappings = new() { ["userStatus"] = "'Active'" } }, out _));

    [Fact]
    public void Optional_attributes_enter_the_hash_only_when_mapped()
    {
        var mapped = Compile([]).Map(PingOneUserAttributes.From(Ada));

        // Links written before the optional attributes existed keep their hash.
        var before = string.Join('\u001f', mapped.UserName, mapped.Email.ToUpperInvariant(), mapped.FirstName, mapped.LastName, mapped.JobTitle, mapped.UserStatus);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(before))), mapped.Hash());
        Assert.NotEqual(mapped.Hash(), (mapped with { Company = "Acme" }).Hash());
        Assert.NotEqual((mapped with { Company = "Acme" }).Hash(), (mapped with { Company = "Globex" }).Hash());
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
