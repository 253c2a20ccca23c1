namespace ProvisioningBus.Docusign;

/// <summary>The per-connection singletons: options, token cache, rate budget and protected users (keyed by connection name in DI).</summary>
internal sealed class DocusignConnection(
    string name, DocusignConnectionOptions options, DocusignTokenManager tokens, DocusignRateBudget budget, DocusignProtectedUsers protectedUsers) : IDisposable
{
    public string Name { get; } = name;

    public DocusignConnectionOptions Options { get; } = options;

    public DocusignTokenManager Tokens { get; } = tokens;

    public DocusignRateBudget Budget { get; } = budget;

    public DocusignProtectedUsers ProtectedUsers { get; } = protectedUsers;

    public PermissionProfileCatalog PermissionProfiles { get; } = new();

    public void Dispose()
    {
        Tokens.Dispose();
        ProtectedUsers.Dispose();
        PermissionProfiles.Dispose();
    }
}
