using Docusign.Emulator;
using PingOne.Emulator.Directory;
using ProvisioningBus.IntegrationTests.Infrastructure;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>
/// Every Docusign user attribute a rule may map reaches Docusign through the running consumer's bulk POST / PUT /users,
/// including a permission profile by id or by name (resolved through GET /permission_profiles).
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class DocusignUserAttributeTests(RabbitMqFixture broker)
{
    private const string ByName = "by-name";
    private const string ById = "by-id";
    private const string UnknownProfile = "unknown-profile";

    [Fact]
    public async Task Optional_attributes_and_a_permission_profile_by_name_reach_Docusign_on_create_and_update_in_bulk()
    {
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup>
        {
            [ByName] = new(ByName, new Dictionary<string, string?>
            {
                ["Mappings:middleName"] = "name.middle",
                ["Mappings:suffixName"] = "'Jr.'",
                ["Mappings:title"] = "'Dr.'",
                ["Mappings:company"] = "externalId",
                ["Mappings:permissionProfileName"] = "title == 'Director' ? 'DocuSign Viewer' : 'docusign sender'",
            }),
        });
        var pingOne = testbed.PingOne.State;

        var ada = pingOne.CreateUser("ada", "ada@attributes.example", new EmulatedUserName("Ada", "Lovelace", Middle: "King"), title: "Analyst", externalId: "Acme");
        var created = (await testbed.WaitForUserAsync(ByName, ada.Email!, u => u.Company == "Acme", "the mapped attributes are created"))[0];

        Assert.Equal(("King", "Jr.", "Dr.", "Analyst"), (created.MiddleName, created.SuffixName, created.Title, created.JobTitle));
        Assert.Equal(PermissionProfiles.SenderId, created.PermissionProfileId);

        pingOne.UpdateUser(ada.Id, new EmulatedUserChanges { ExternalId = "Globex", Title = "Director", Name = new EmulatedUserName(Middle: "") });
        var updated = (await testbed.WaitForUserAsync(ByName, ada.Email!, u => u.Company == "Globex", "the changed attributes are updated"))[0];

        Assert.Equal(PermissionProfiles.ViewerId, updated.PermissionProfileId);
        Assert.Equal("Director", updated.JobTitle);
        Assert.True(string.IsNullOrEmpty(updated.MiddleName), $"the middle name removed in PingOne is cleared, was '{updated.MiddleName}'");
        var requests = testbed.Docusign(ByName).State.Requests;
        Assert.Contains(requests, r => r.Method == "POST" && r.Path.EndsWith("/users", StringComparison.Ordinal) && r.RequestBody!.Contains("\"suffixName\":\"Jr.\"", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Method == "PUT" && r.Path.EndsWith("/users", StringComparison.Ordinal) && r.RequestBody!.Contains("\"company\":\"Globex\"", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Method == "GET" && r.Path.EndsWith("/permission_profiles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_permission_profile_by_id_is_set_and_an_unknown_profile_name_fails_the_user_naming_it()
    {
        await using var testbed = await OutboundTestbed.StartAsync(broker, new Dictionary<string, RuleSetup>
        {
            [ById] = new(ById, new Dictionary<string, string?> { ["Mappings:permissionProfileId"] = $"'{PermissionProfiles.ViewerId}'" }),
            [UnknownProfile] = new(UnknownProfile, new Dictionary<string, string?> { ["Mappings:permissionProfileName"] = "'Auditors'" }),
        });

        var grace = testbed.PingOne.State.CreateUser("grace", "grace@attributes.example", new EmulatedUserName("Grace", "Hopper"), title: "Admiral");

        await testbed.WaitForUserAsync(ById, grace.Email!, u => u.PermissionProfileId == PermissionProfiles.ViewerId, "the profile id is set on create");
        var failed = await Eventually.MatchesAsync(
            () => testbed.Store.Ledger.GetAsync(UnknownProfile, EntityKind.User, grace.Id, default),
            outcome => outcome?.Outcome == SyncOutcome.Failed,
            TimeSpan.FromSeconds(30),
            "a user whose profile name is unknown fails");
        Assert.Equal("PERMISSION_PROFILE_NOT_FOUND", failed!.ErrorCode);
        Assert.Contains("'Auditors'", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'DocuSign Viewer'", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(testbed.UsersByEmail(UnknownProfile, grace.Email!));
    }
}
