namespace ProvisioningBus.Docusign;

/// <summary>
/// A connection's permission profiles by name, read once and read again when a name is not found (a profile created
/// since). Users name profiles; the users API only takes ids, so every write resolves names here.
/// </summary>
internal sealed class PermissionProfileCatalog : IDisposable
{
    public const string UnknownProfileCode = "PERMISSION_PROFILE_NOT_FOUND";

    private readonly SemaphoreSlim gate = new(1, 1);
    private IReadOnlyList<DocusignPermissionProfile>? profiles;

    /// <returns>The profile's id, or null when the account has no profile with that id or name (names compared case-insensitively).</returns>
    public async Task<string?> ResolveAsync(string name, Func<CancellationToken, Task<IReadOnlyList<DocusignPermissionProfile>>> load, CancellationToken ct)
    {
        if (Find(profiles, name) is { } known)
        {
            return known.Id;
        }

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            profiles = await load(ct).ConfigureAwait(false);
            return Find(profiles, name)?.Id;
        }
        finally
        {
            gate.Release();
        }
    }

    public static DocusignError Unknown(string name, IEnumerable<DocusignPermissionProfile>? known) =>
        new(UnknownProfileCode, $"The Docusign account has no permission profile named '{name}' (it has: {string.Join(", ", (known ?? []).Select(p => $"'{p.Name}'"))}).");

    public IReadOnlyList<DocusignPermissionProfile>? Known => profiles;

    public void Dispose() => gate.Dispose();

    // An id matches exactly, a name case-insensitively: configuration may give either.
    private static DocusignPermissionProfile? Find(IReadOnlyList<DocusignPermissionProfile>? list, string name) =>
        list?.FirstOrDefault(profile => string.Equals(profile.Id, name.Trim(), StringComparison.Ordinal))
        ?? list?.FirstOrDefault(profile => string.Equals(profile.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
