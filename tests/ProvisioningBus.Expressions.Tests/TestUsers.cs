namespace ProvisioningBus.Expressions.Tests;

/// <summary>Users as the APIs return them, for evaluating expressions against.</summary>
internal static class TestUsers
{
    // Shape of PingOne GET /users/{id} (pingone-api.md §2.2), with a custom attribute and a dashed key.
    public const string PingOneUserJson = """
        {
          "id": "5a2b7c1e-0000-4000-8000-000000000001",
          "environment": { "id": "env-1" },
          "username": "tal.mason",
          "email": "tal.mason@example.com",
          "enabled": true,
          "mfaEnabled": false,
          "name": { "given": "Tal", "family": "Mason", "formatted": "Tal Mason", "full-name": "Tal A. Mason" },
          "title": "PM",
          "population": { "id": "pop-1" },
          "lifecycle": { "status": "ACCOUNT_OK" },
          "memberOfGroupIDs": [ "g-1", "g-2" ],
          "loginCount": 42,
          "nickname": "",
          "accountId": "ID2"
        }
        """;

    public static JsonAttributeSource PingOneUser() => JsonAttributeSource.Parse(PingOneUserJson);

    public static JsonAttributeSource PingOneUser(string json) => JsonAttributeSource.Parse(json);

    public static ExpressionValue Evaluate(string expression) => MappingExpression.Parse(expression).Evaluate(PingOneUser());

    public static string? EvaluateText(string expression) => Evaluate(expression).ToText();
}
