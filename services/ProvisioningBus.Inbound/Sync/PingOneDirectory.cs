using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Users;

namespace ProvisioningBus.Inbound.Sync;

/// <summary>
/// Every PingOne user of the environment, listed once and indexed the ways the inbound applier looks users up: a
/// preview of thousands of users then costs a few paged reads instead of several filtered reads per user. Username,
/// email and externalId are matched case-insensitively, as PingOne's SCIM <c>eq</c> filter matches them.
/// </summary>
internal sealed class PingOneDirectory
{
    public Dictionary<string, PingOneUser> ById { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PingOneUser> ByExternalId { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, PingOneUser> ByUsername { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, PingOneUser> ByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<PingOneDirectory> ReadAsync(IPingOneClient pingOne, CancellationToken ct)
    {
        var directory = new PingOneDirectory();
        await foreach (var user in pingOne.ListUsersAsync(null, ct))
        {
            directory.ById[user.Id] = user;
            directory.ByUsername.TryAdd(user.Username, user);
            if (user.ExternalId is { Length: > 0 } externalId)
            {
                directory.ByExternalId.TryAdd(externalId, user);
            }

            if (user.Email is { Length: > 0 } email)
            {
                directory.ByEmail.TryAdd(email, user);
            }
        }

        return directory;
    }
}
