using System.Text.Json.Nodes;
using Docusign.Emulator;
using ProvisioningBus.Docusign;

namespace ProvisioningBus.Docusign.Tests.Contract;

/// <summary>
/// Drives every operation through the client against the emulator, then validates each recorded exchange against
/// Docusign's official spec: the client's request body against the operation's body definition, the emulator's
/// response body against the definition of the status it returned, and success statuses against the declared ones.
/// </summary>
public sealed class SwaggerContractTests
{
    private static readonly string[] s_operationsTheClientUses =
    [
        "Accounts_GetAccount", "PermissionProfiles_GetPermissionProfiles",
        "Users_GetUsers", "Users_PostUsers", "Users_PutUsers", "Users_DeleteUsers", "User_GetUser", "User_PutUser",
        "Groups_GetGroups", "Groups_PostGroups", "Groups_PutGroups", "Groups_DeleteGroups",
        "Groups_GetGroupUsers", "Groups_PutGroupUsers", "Groups_DeleteGroupUsers",
    ];

    [Fact]
    public void The_official_spec_is_found_beside_the_tests_and_its_definitions_compile()
    {
        var swagger = DocusignSwagger.Load();

        Assert.Equal("/restapi", swagger.BasePath);
        Assert.Empty(swagger.Validate(JsonNode.Parse("""{"errorCode":"X","message":"y"}"""), "errorDetails"));
        Assert.NotEmpty(swagger.Validate(JsonNode.Parse("""{"totalSetSize":250}"""), "userInformationList"));
        Assert.NotEmpty(swagger.Validate(JsonNode.Parse("""{"users":[],"invented":"x"}"""), "userInformationList"));
    }

    [Fact]
    public async Task Every_client_request_and_emulator_response_matches_the_official_spec()
    {
        var swagger = DocusignSwagger.Load();
        await using var context = await DocusignTestContext.StartAsync();
        var client = context.Client;

        await DriveEveryOperationAsync(context, client);

        var covered = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var record in context.RestRequests())
        {
            var operation = swagger.FindOperation(record.Method, record.Path);
            if (operation is null)
            {
                problems.Add($"{record.Method} {record.Path}: not in the spec");
                continue;
            }

            covered.Add(operation.OperationId);
            var where = $"{operation.OperationId} {record.Method} {record.Path}{record.Query} → {record.StatusCode}";
            if (operation.RequestDefinition is { } requestDefinition)
            {
                if (record.RequestBody is null)
                {
                    problems.Add($"{where}: request has no body, spec wants {requestDefinition}");
                }
                else
                {
                    problems.AddRange(swagger.Validate(JsonNode.Parse(record.RequestBody), requestDefinition).Select(e => $"{where}: request {requestDefinition}: {e}"));
                }
            }

            if (record.StatusCode < 400 && !operation.DeclaredStatusCodes.Contains(record.StatusCode))
            {
                problems.Add($"{where}: status not declared ({string.Join(",", operation.DeclaredStatusCodes)})");
            }

            if (operation.ResponseDefinition(record.StatusCode) is { } responseDefinition)
            {
                Assert.StartsWith("application/json", record.ResponseContentType, StringComparison.Ordinal);
                problems.AddRange(swagger.Validate(JsonNode.Parse(record.ResponseBody!), responseDefinition).Select(e => $"{where}: response {responseDefinition}: {e}"));
            }
        }

        Assert.Empty(problems);
        Assert.Superset(s_operationsTheClientUses.ToHashSet(), covered);
    }

    private static async Task DriveEveryOperationAsync(DocusignTestContext context, IDocusignAccountClient client)
    {
        Assert.True((await client.TestConnectionAsync()).Succeeded);

        var groups = await client.CreateGroupsAsync(["Sales", "Legal", ""]);
        var sales = groups[0].Group!;
        var created = await client.CreateUsersAsync(
        [
            new NewDocusignUser("Claire Horace", "claire@example.com") { FirstName = "Claire", LastName = "Horace", JobTitle = "Counsel", Company = "Example", GroupIds = [sales.GroupId] },
            new NewDocusignUser("Tal Mason", "tal@example.com") { PermissionProfileId = PermissionProfiles.ViewerId },
            new NewDocusignUser("Ada King", "ada@example.com") { MiddleName = "Byron", SuffixName = "Jr.", Title = "Dr.", PermissionProfileName = "DocuSign Viewer" },
        ]);
        await client.CreateUsersAsync([new NewDocusignUser("Claire Horace", "claire@example.com"), new NewDocusignUser("No Mail", "not-an-email")]);
        var claire = created[0].UserId!;
        var tal = created[1].UserId!;

        await client.ListUsersAsync(new DocusignUserQuery { IncludeGroups = true, Statuses = [DocusignUserStatus.Active, DocusignUserStatus.ActivationSent] }).ToListAsync();
        await client.FindUsersByEmailAsync("tal@example.com");
        await client.GetUserAsync(claire);
        await client.GetUserAsync(Guid.NewGuid().ToString());
        await client.UpdateUserAsync(new DocusignUserUpdate(claire) { JobTitle = "General Counsel", MiddleName = "", SuffixName = "III", Title = "Ms.", PermissionProfileName = "DocuSign Sender" });
        await client.UpdateUsersAsync([new DocusignUserUpdate(tal) { LastName = "Mason-Lee" }, new DocusignUserUpdate(Guid.NewGuid().ToString()) { FirstName = "Ghost" }]);
        await Assert.ThrowsAsync<DocusignApiException>(() => client.UpdateUserAsync(new DocusignUserUpdate(Guid.NewGuid().ToString()) { FirstName = "Ghost" }));

        var everyone = await client.ListGroupsAsync().FirstAsync(g => g.Type == DocusignGroupType.Everyone);
        await client.ListGroupsAsync(searchText: "sal").ToListAsync();
        await client.RenameGroupAsync(sales.GroupId, "Sales EMEA");
        await client.UpdateGroupsAsync([new DocusignGroupRename(everyone.GroupId, "Everybody")]);
        await client.AddGroupMembersAsync(sales.GroupId, [tal, Guid.NewGuid().ToString()]);
        await client.ListGroupMembersAsync(sales.GroupId).ToListAsync();
        await client.ListGroupMembersAsync(everyone.GroupId).ToListAsync();
        await client.RemoveGroupMembersAsync(sales.GroupId, [tal]);
        await Assert.ThrowsAsync<DocusignApiException>(() => client.AddGroupMembersAsync(everyone.GroupId, [tal]));
        await client.DeleteGroupsAsync([groups[1].GroupId!, everyone.GroupId, "999"]);

        await client.CloseUsersAsync([tal, Guid.NewGuid().ToString()]);
        _ = context;
    }
}
