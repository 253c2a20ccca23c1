namespace ProvisioningBus.Docusign.Api;

/// <summary>Spec <c>userInfoList</c>: body of DELETE /users and PUT/DELETE /groups/{groupId}/users.</summary>
public sealed class UserInfoList
{
    public List<UserInfo> Users { get; set; } = [];
}
