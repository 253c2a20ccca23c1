namespace ProvisioningBus.Docusign.Api;

/// <summary>Spec <c>newUsersSummary</c>: the 201 answer of POST /users, one entry per requested user.</summary>
public sealed class NewUsersSummary
{
    public List<NewUser>? NewUsers { get; set; }
}
