namespace ProvisioningBus.Docusign;

/// <summary>A token response (fact sheet §5.3); <see cref="RefreshToken"/> is null for the JWT grant, which issues none.</summary>
public sealed record DocusignIssuedToken(string AccessToken, string? RefreshToken, int ExpiresIn)
{
    /// <summary>Never the tokens: a logged or printed record must not leak them.</summary>
    public override string ToString() => $"DocusignIssuedToken {{ ExpiresIn = {ExpiresIn}, RefreshToken = {(RefreshToken is null ? "none" : "***")} }}";
}
