using Microsoft.Extensions.Options;
using ProvisioningBus.IntegrationTests.Infrastructure;

namespace ProvisioningBus.IntegrationTests.Outbound;

/// <summary>Configurations Docusign cannot honour stop the worker at start-up with a message that names the key (mission §3–4).</summary>
public sealed class RuleValidationTests
{
    private const string Rule = "Outbound:Rules:docusign";

    [Fact]
    public async Task Remove_action_Disable_is_rejected_at_start_up_naming_the_Docusign_limitation()
    {
        var error = await StartFailingAsync(new() { [$"{Rule}:UserActions:RemoveAction"] = "Disable" });

        Assert.Contains($"{Rule}:UserActions:RemoveAction", error.Message, StringComparison.Ordinal);
        Assert.Contains("Docusign does not support disabling users", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_disable_is_rejected_at_start_up_naming_the_Docusign_limitation()
    {
        var error = await StartFailingAsync(new() { [$"{Rule}:UserActions:DisableUsers"] = "true" });

        Assert.Contains($"{Rule}:UserActions:DisableUsers", error.Message, StringComparison.Ordinal);
        Assert.Contains("Docusign does not support disabling users", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_enabled_straight_onto_userStatus_is_rejected_as_a_schema_error()
    {
        var error = await StartFailingAsync(new() { [$"{Rule}:Mappings:userStatus"] = "enabled" });

        Assert.Contains($"{Rule}:Mappings:userStatus", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scope_operator_other_than_equals_is_rejected_naming_the_condition()
    {
        var error = await StartFailingAsync(new()
        {
            [$"{Rule}:Scope:Conditions:0:Attribute"] = "title",
            [$"{Rule}:Scope:Conditions:0:Operator"] = "contains",
            [$"{Rule}:Scope:Conditions:0:Value"] = "x",
        });

        Assert.Contains($"{Rule}:Scope:Conditions:0:Operator", error.Message, StringComparison.Ordinal);
    }

    private static async Task<OptionsValidationException> StartFailingAsync(Dictionary<string, string?> rule)
    {
        var settings = new Dictionary<string, string?>
        {
            ["State:Provider"] = "Sqlite",
            ["State:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"provisioningbus-test-{Guid.NewGuid():N}.db")}",
            ["PingOne:ApiBaseUri"] = "http://127.0.0.1:9/v1",
            ["PingOne:AuthBaseUri"] = "http://127.0.0.1:9/",
            ["PingOne:EnvironmentId"] = "5f3a9c1e-0000-4000-8000-00000000e001",
            ["PingOne:ClientId"] = "client",
            ["PingOne:ClientSecret"] = "secret",
            ["Docusign:Connections:demo:ServiceUri"] = "http://127.0.0.1:9/",
            ["Docusign:Connections:demo:TokenEndpoint"] = "http://127.0.0.1:9/oauth/token",
            ["Docusign:Connections:demo:AccountId"] = "0b9d4c1e-5f3a-4e7b-9c2d-7a1f00d0c051",
            ["Docusign:Connections:demo:ClientId"] = "client",
            ["Docusign:Connections:demo:ClientSecret"] = "secret",
            [$"{Rule}:SourceEnvironmentId"] = "5f3a9c1e-0000-4000-8000-00000000e001",
            [$"{Rule}:TargetConnection"] = "demo",
        };
        foreach (var (key, value) in rule)
        {
            settings[key] = value;
        }

        return await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var worker = await RunningOutboundWorker.StartAsync(settings);
        });
    }
}
