using System.Text.Json;
using ProvisioningBus.Docusign.Api;

namespace ProvisioningBus.Docusign.Tests.Contract;

public sealed class LenientJsonTests
{
    [Fact]
    public void Numbers_and_booleans_sent_as_json_scalars_are_read_into_the_string_typed_model()
    {
        const string Body = """{"totalSetSize":250,"endPosition":"99","users":[{"userId":"u1","isAdmin":true,"userStatus":"active","unknownField":{"x":1}}]}""";

        var page = JsonSerializer.Deserialize<UserInformationList>(Body, DocusignJson.Options)!;

        Assert.Equal("250", page.TotalSetSize);
        Assert.Equal(99, DocusignValues.ParseInt(page.EndPosition));
        Assert.Equal("true", page.Users![0].IsAdmin);
        Assert.True(DocusignValues.ParseBool("False") is false);
        Assert.Equal(DocusignUserStatus.Active, DocusignUserStatuses.Parse(page.Users[0].UserStatus));
        Assert.Null(DocusignValues.ParseDate("0001-01-01T08:00:00.0000000Z"));
        Assert.Equal(DocusignGroupType.Administrators, DocusignGroup.ParseType("AdminGroup"));
        Assert.Equal(DocusignGroupType.Everyone, DocusignGroup.ParseType("everyoneGroup"));
    }

    [Fact]
    public void Unset_properties_are_omitted_from_request_bodies()
    {
        var json = JsonSerializer.Serialize(new UserInformation { UserId = "u1", JobTitle = "X" }, DocusignJson.Options);

        Assert.Equal("""{"userId":"u1","jobTitle":"X"}""", json);
    }
}
