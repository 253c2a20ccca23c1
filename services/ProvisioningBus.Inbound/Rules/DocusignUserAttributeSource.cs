using ProvisioningBus.Contracts;
using ProvisioningBus.Expressions;

namespace ProvisioningBus.Inbound.Rules;

/// <summary>Presents a Docusign user to mapping expressions and filters under Docusign's own attribute names.</summary>
public static class DocusignUserAttributeSource
{
    /// <summary>The attribute names filters and mappings may read.</summary>
    public static IReadOnlyList<string> AttributeNames { get; } = ["userId", "userName", "email", "firstName", "lastName", "jobTitle", "userStatus"];

    public static string? Read(string docusignUserId, DocusignUserAttributes user, string attribute) => attribute switch
    {
        "userId" => docusignUserId,
        "userName" => user.UserName,
        "email" => user.Email,
        "firstName" => user.FirstName,
        "lastName" => user.LastName,
        "jobTitle" => user.JobTitle,
        "userStatus" => user.UserStatus,
        _ => null,
    };

    public static IAttributeSource From(string docusignUserId, DocusignUserAttributes user) =>
        MapAttributeSource.FromDotted(AttributeNames.Select(name =>
            KeyValuePair.Create(name, Read(docusignUserId, user, name) is { } text ? (ExpressionValue)new StringValue(text) : NullValue.Instance)));
}
