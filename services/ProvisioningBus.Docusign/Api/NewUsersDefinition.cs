namespace ProvisioningBus.Docusign.Api;

/// <summary>Spec <c>newUsersDefinition</c>: body of POST /users (at most 500 users).</summary>
public sealed class NewUsersDefinition
{
    public List<UserInformation> NewUsers { get; set; } = [];
}
