namespace ProvisioningBus.Docusign;

/// <summary>
/// The Docusign users no provisioning may close: the account's administrators (members of its built-in Administrators
/// group) and the user whose consent the connection's refresh-token chain hangs on (closing that user ends the chain,
/// and with it every later change). Read when a close is about to happen, and kept for <see cref="MaxAge"/> so a bulk
/// close costs a couple of reads at most.
/// </summary>
internal sealed class DocusignProtectedUsers(TimeProvider time) : IDisposable
{
    public const string ErrorCode = "PROTECTED_USER";

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private IReadOnlyDictionary<string, string>? reasons;
    private DateTimeOffset readAt;

    /// <summary>User id → why it is protected, read afresh when older than <see cref="MaxAge"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetAsync(IDocusignAccountClient account, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (reasons is null || time.GetUtcNow() - readAt > MaxAge)
            {
                reasons = await ReadAsync(account, ct).ConfigureAwait(false);
                readAt = time.GetUtcNow();
            }

            return reasons;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    public static DocusignError Refusal(string reason) =>
        new(ErrorCode, $"Not closed: the user is {reason}. ProvisioningBus never closes it; close it in Docusign if that is really meant.");

    private static async Task<IReadOnlyDictionary<string, string>> ReadAsync(IDocusignAccountClient account, CancellationToken ct)
    {
        var protectedUsers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // Asked of Docusign by type: the account's one Administrators group, not a page through every group.
        await foreach (var group in account.ListGroupsAsync(groupType: "AdminGroup", cancellationToken: ct).ConfigureAwait(false))
        {
            if (group.Type != DocusignGroupType.Administrators)
            {
                continue;
            }

            await foreach (var member in account.ListGroupMembersAsync(group.GroupId, ct).ConfigureAwait(false))
            {
                protectedUsers[member.UserId] = "an administrator of the Docusign account";
            }
        }

        // The token's user (userinfo's sub is the user's id in every account it belongs to) gave the consent.
        if ((await account.GetUserInfoAsync(ct).ConfigureAwait(false)).Sub is { Length: > 0 } consenting)
        {
            protectedUsers[consenting] = "the user who consented the connection (closing it would end the refresh-token chain)";
        }

        return protectedUsers;
    }
}
