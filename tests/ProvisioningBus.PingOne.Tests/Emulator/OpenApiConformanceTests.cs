using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Readers;
using PingOne.Emulator;
using PingOne.Emulator.Directory;

namespace ProvisioningBus.PingOne.Tests.Emulator;

/// <summary>The emulator's responses validate against the PingOne OpenAPI subset in tests/reference.</summary>
public sealed class OpenApiConformanceTests
{
    private static readonly Lazy<JsonObject> Definitions = new(LoadDefinitions);

    [Fact]
    public async Task User_users_page_and_group_responses_match_the_reference_schemas()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new PingOneEmulatorOptions());
        var user = emulator.State.CreateUser("schema", "schema@example.com", new EmulatedUserName("Sche", "Ma", Formatted: "Sche Ma"), "Tester", externalId: "ds-9");
        emulator.State.CreateUser("other", "other@example.com");
        var group = emulator.State.CreateGroup("Schema Group", "validated");
        emulator.State.AddMember(user.Id, group.Id);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await WebhookDeliveryTests.TokenAsync(http, emulator));
        var env = $"{emulator.ApiBaseUri}/environments/{emulator.EnvironmentId}";

        AssertValid("User", await http.GetStringAsync($"{env}/users/{user.Id}?include=memberOfGroupIDs"));
        AssertValid("EntityArray", await http.GetStringAsync($"{env}/users?limit=1"));
        AssertValid("Group", await http.GetStringAsync($"{env}/groups/{group.Id}"));
    }

    [Fact]
    public void The_schema_check_rejects_a_user_that_breaks_the_reference()
    {
        var error = Assert.ThrowsAny<Exception>(() => AssertValid("User", """{"id":"x","username":"u","email":"e","enabled":"yes"}"""));

        Assert.Contains("enabled", error.Message, StringComparison.Ordinal);
    }

    private static void AssertValid(string schemaName, string json)
    {
        var schema = JsonSchema.FromText(new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = Definitions.Value.DeepClone(),
            ["$ref"] = $"#/$defs/{schemaName}",
        }.ToJsonString());
        var result = schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
            .ToList();
        Assert.True(result.IsValid, $"{schemaName} response does not match the reference: {string.Join("; ", errors)}\n{json}");
    }

    /// <summary>components.schemas of the OpenAPI file as JSON Schema <c>$defs</c>.</summary>
    private static JsonObject LoadDefinitions()
    {
        using var stream = File.OpenRead(SpecPath());
        var document = new OpenApiStreamReader().Read(stream, out var diagnostic);
        Assert.Empty(diagnostic.Errors);
        var json = document.SerializeAsJson(OpenApiSpecVersion.OpenApi3_0).Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonNode.Parse(json)!["components"]!["schemas"]!.AsObject();
    }

    private static string SpecPath() => Path.Combine(AppContext.BaseDirectory, "reference", "pingone-management-users-groups.openapi.yaml");
}
