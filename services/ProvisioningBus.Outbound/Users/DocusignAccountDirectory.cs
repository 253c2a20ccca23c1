using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ProvisioningBus.Docusign;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// The Docusign users of each account by email, from one listing, so that a batch of new PingOne users is matched
/// against existing accounts without a lookup per user. Docusign identifies users by email and a POST with another
/// user name creates a second user with the same email (fact sheet §1.1: "might return multiple users"), so every
/// unlinked user must be matched before it is created: by <c>GET /users?email=</c> (1 call each) or here (one listing
/// of ⌈users ÷ 100⌉ calls, then free for <see cref="UserBatchOptions.DirectoryMaxAge"/>). A listing is made only when
/// it costs fewer calls than the lookups it replaces. This process's own writes keep it current; other processes' creates
/// are caught by Docusign itself (USER_ALREADY_EXISTS_IN_ACCOUNT for the same user name and email → adopted).
/// </summary>
public sealed class DocusignAccountDirectory(IOptions<UserBatchOptions> options, TimeProvider time)
{
    private const int PageSize = 100;

    private readonly ConcurrentDictionary<string, Listing> listings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> refreshing = new(StringComparer.Ordinal);

    /// <summary>
    /// A listing fresh enough to match <paramref name="lookups"/> users against, listing the account first when that is
    /// cheaper than the lookups; null when per-user lookups are cheaper.
    /// </summary>
    public async Task<Listing?> ForLookupsAsync(IDocusignAccountClient target, int lookups, CancellationToken ct)
    {
        if (Fresh(target.ConnectionName) is { } fresh)
        {
            return fresh;
        }

        if (lookups <= 2)
        {
            // A listing costs at least two calls (the size, one page): never cheaper than two lookups.
            return null;
        }

        var gate = refreshing.GetOrAdd(target.ConnectionName, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (Fresh(target.ConnectionName) is { } listed)
            {
                return listed;
            }

            // One call to learn the size, then the pages: only when together they cost less than the lookups.
            var known = listings.TryGetValue(target.ConnectionName, out var stale) ? stale.Count : await target.CountUsersAsync(ct);
            if ((known + PageSize - 1) / PageSize + 1 >= lookups)
            {
                return null;
            }

            var listing = new Listing(time.GetUtcNow());
            await foreach (var user in target.ListUsersAsync(cancellationToken: ct))
            {
                listing.Remember(user);
            }

            listings[target.ConnectionName] = listing;
            return listing;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A user this process wrote (created, updated, closed): keeps a listing current without listing again.</summary>
    public void Remember(string connectionName, DocusignUser user)
    {
        if (listings.TryGetValue(connectionName, out var listing))
        {
            listing.Remember(user);
        }
    }

    private Listing? Fresh(string connectionName) =>
        listings.TryGetValue(connectionName, out var listing) && time.GetUtcNow() - listing.ListedAt <= options.Value.DirectoryMaxAge ? listing : null;

    /// <summary>The account's users by email as listed at <see cref="ListedAt"/>, plus this process's writes since.</summary>
    public sealed class Listing(DateTimeOffset listedAt)
    {
        private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, DocusignUser>> byEmail = new(StringComparer.OrdinalIgnoreCase);

        public DateTimeOffset ListedAt { get; } = listedAt;

        public int Count => byEmail.Values.Sum(users => users.Count);

        /// <summary>The user with this email, preferring one that is not closed (as <c>FindUserByEmailAsync</c> does); null when none.</summary>
        public DocusignUser? Find(string email) =>
            byEmail.TryGetValue(email, out var users)
                ? users.Values.FirstOrDefault(user => user.Status != DocusignUserStatus.Closed) ?? users.Values.FirstOrDefault()
                : null;

        internal void Remember(DocusignUser user)
        {
            if (!string.IsNullOrEmpty(user.Email))
            {
                byEmail.GetOrAdd(user.Email, _ => new ConcurrentDictionary<string, DocusignUser>(StringComparer.OrdinalIgnoreCase))[user.UserId] = user;
            }
        }
    }
}
