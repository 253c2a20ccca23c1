using System.Runtime.CompilerServices;
using ProvisioningBus.Docusign.Api;

namespace ProvisioningBus.Docusign;

/// <summary>The high-level client over <see cref="IDocusignEsignatureApi"/>: chunking, paging, result mapping.</summary>
internal sealed class DocusignAccountClient(DocusignConnection connection, IDocusignEsignatureApi api) : IDocusignAccountClient
{
    private readonly DocusignConnectionOptions _options = connection.Options;

    public string ConnectionName => connection.Name;

    public string AccountId => _options.AccountId!;

    public IDocusignRateBudget RateBudget => connection.Budget;

    // ------------------------------------------------------------------ users

    public async Task<IReadOnlyList<DocusignPermissionProfile>> ListPermissionProfilesAsync(CancellationToken cancellationToken = default)
    {
        var answer = await api.ListPermissionProfilesAsync(AccountId, cancellationToken).ConfigureAwait(false);
        return [.. (answer.PermissionProfiles ?? [])
            .Where(profile => profile.PermissionProfileId is not null && profile.PermissionProfileName is not null)
            .Select(profile => new DocusignPermissionProfile(profile.PermissionProfileId!, profile.PermissionProfileName!))];
    }

    public Task<string?> FindPermissionProfileIdAsync(string nameOrId, CancellationToken cancellationToken = default) =>
        connection.PermissionProfiles.ResolveAsync(nameOrId, ListPermissionProfilesAsync, cancellationToken);

    public async Task<IReadOnlyList<DocusignUserCreateResult>> CreateUsersAsync(IReadOnlyList<NewDocusignUser> users, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        var profiles = await ResolveProfilesAsync(users.Select(user => (user.PermissionProfileId, user.PermissionProfileName)), cancellationToken).ConfigureAwait(false);
        var sendable = Enumerable.Range(0, users.Count).Where(i => profiles[i].Error is null).ToList();
        var sent = await CreateResolvedUsersAsync([.. sendable.Select(i => users[i] with { PermissionProfileId = profiles[i].Id })], cancellationToken).ConfigureAwait(false);
        var results = new List<DocusignUserCreateResult>(users.Count);
        var next = 0;
        for (var i = 0; i < users.Count; i++)
        {
            // An unknown profile name fails its user only; the others are sent, answered in request order.
            results.Add(profiles[i].Error is { } error
                ? new DocusignUserCreateResult(users[i], null, DocusignUserStatus.Unknown, error)
                : sent[next++] with { Request = users[i] });
        }

        return results;
    }

    private async Task<IReadOnlyList<DocusignUserCreateResult>> CreateResolvedUsersAsync(IReadOnlyList<NewDocusignUser> users, CancellationToken cancellationToken)
    {
        var results = new List<DocusignUserCreateResult>(users.Count);
        foreach (var chunk in users.Chunk(_options.CreateBatchSize))
        {
            var body = new NewUsersDefinition { NewUsers = [.. chunk.Select(ToWire)] };
            var summary = await api.CreateUsersAsync(AccountId, body, cancellationToken).ConfigureAwait(false);
            var items = summary.NewUsers ?? [];
            for (var i = 0; i < chunk.Length; i++)
            {
                var request = chunk[i];
                // Docusign answers item by item in request order; match by position, and by email if counts differ.
                var item = items.Count == chunk.Length
                    ? items[i]
                    : items.Find(n => string.Equals(n.Email, request.Email, StringComparison.OrdinalIgnoreCase));
                results.Add(item is null
                    ? new DocusignUserCreateResult(request, null, DocusignUserStatus.Unknown, new DocusignError("MISSING_RESULT", "Docusign returned no result for this user."))
                    : new DocusignUserCreateResult(request, item.UserId, DocusignUserStatuses.Parse(item.UserStatus), DocusignError.From(item.ErrorDetails)));
            }
        }

        return results;
    }

    public async Task<IReadOnlyList<DocusignUser>> FindUsersByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var users = new List<DocusignUser>();
        await foreach (var user in ListUsersAsync(new DocusignUserQuery { Email = email }, cancellationToken).ConfigureAwait(false))
        {
            users.Add(user);
        }

        return users;
    }

    public async Task<DocusignUser?> FindUserByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var users = await FindUsersByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        return users.FirstOrDefault(u => u.Status != DocusignUserStatus.Closed) ?? (users.Count > 0 ? users[0] : null);
    }

    public async Task<DocusignUser?> GetUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        try
        {
            var user = await api.GetUserAsync(AccountId, userId, null, cancellationToken).ConfigureAwait(false);
            return DocusignUser.From(user);
        }
        catch (DocusignApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    public async Task<int> CountUsersAsync(CancellationToken cancellationToken = default)
    {
        var page = await api.ListUsersAsync(AccountId, new UsersListQuery { StartPosition = 0, Count = 1 }, cancellationToken).ConfigureAwait(false);
        return DocusignValues.ParseInt(page.TotalSetSize) ?? page.Users?.Count ?? 0;
    }

    public IAsyncEnumerable<DocusignUser> ListUsersAsync(DocusignUserQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new DocusignUserQuery();
        return PageAsync(
            async (start, count, ct) =>
            {
                var page = await api.ListUsersAsync(
                    AccountId,
                    new UsersListQuery
                    {
                        StartPosition = start,
                        Count = count,
                        Email = query.Email,
                        EmailSubstring = query.EmailSubstring,
                        UserNameSubstring = query.UserNameSubstring,
                        Status = query.Statuses.Count == 0 ? null : string.Join(',', query.Statuses.Select(DocusignUserStatuses.ToWire)),
                        GroupId = query.GroupId,
                        AdditionalInfo = query.IncludeGroups ? "true" : null,
                    },
                    ct).ConfigureAwait(false);
                return (page, page.Users?.Select(DocusignUser.From).ToList() ?? []);
            },
            u => u.UserId,
            cancellationToken);
    }

    public async Task<DocusignUser> UpdateUserAsync(DocusignUserUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var profile = (await ResolveProfilesAsync([(update.PermissionProfileId, update.PermissionProfileName)], cancellationToken).ConfigureAwait(false))[0];
        if (profile.Error is { } unknown)
        {
            throw new DocusignApiException(System.Net.HttpStatusCode.BadRequest, unknown.ErrorCode, unknown.Message, "PUT", $"/users/{update.UserId}");
        }

        var user = await api.UpdateUserAsync(AccountId, update.UserId, update.ToWire(includeUserId: false, profile.Id), cancellationToken).ConfigureAwait(false);
        return DocusignUser.From(user);
    }

    public async Task<IReadOnlyList<DocusignUserChangeResult>> UpdateUsersAsync(IReadOnlyList<DocusignUserUpdate> updates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var profiles = await ResolveProfilesAsync(updates.Select(update => (update.PermissionProfileId, update.PermissionProfileName)), cancellationToken).ConfigureAwait(false);
        var sendable = Enumerable.Range(0, updates.Count).Where(i => profiles[i].Error is null).ToList();
        var sent = new List<DocusignUserChangeResult>(sendable.Count);
        foreach (var chunk in sendable.Chunk(_options.CreateBatchSize))
        {
            var body = new UserInformationList { Users = [.. chunk.Select(i => updates[i].ToWire(includeUserId: true, profiles[i].Id))] };
            var response = await api.UpdateUsersAsync(AccountId, body, cancellationToken).ConfigureAwait(false);
            var items = response.Users ?? [];
            sent.AddRange(MatchById(
                chunk.Select(i => updates[i].UserId).ToList(),
                items.Select(i => (i.UserId, DocusignUserStatuses.Parse(i.UserStatus), DocusignError.From(i.ErrorDetails))).ToList()));
        }

        // An unknown profile name fails its user only; results stay in request order.
        var results = new List<DocusignUserChangeResult>(updates.Count);
        var next = 0;
        for (var i = 0; i < updates.Count; i++)
        {
            results.Add(profiles[i].Error is { } unknown ? new DocusignUserChangeResult(updates[i].UserId, DocusignUserStatus.Unknown, unknown) : sent[next++]);
        }

        return results;
    }

    public async Task<IReadOnlyList<DocusignUserChangeResult>> CloseUsersAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var results = new List<DocusignUserChangeResult>(userIds.Count);
        // Every close of every path comes here, so here is where administrators and the consenting user are refused.
        var protectedUsers = userIds.Count == 0 ? null : await connection.ProtectedUsers.GetAsync(this, cancellationToken).ConfigureAwait(false);
        foreach (var userId in userIds.Where(id => protectedUsers!.ContainsKey(id)))
        {
            results.Add(new DocusignUserChangeResult(userId, DocusignUserStatus.Unknown, DocusignProtectedUsers.Refusal(protectedUsers![userId])));
        }

        foreach (var chunk in userIds.Where(id => !protectedUsers!.ContainsKey(id)).Chunk(_options.CreateBatchSize))
        {
            var response = await api.CloseUsersAsync(AccountId, ToUserInfoList(chunk), null, cancellationToken).ConfigureAwait(false);
            results.AddRange(MatchById(chunk, FromUserInfos(response.Users)));
        }

        return results;
    }

    // ------------------------------------------------------------------ groups

    public IAsyncEnumerable<DocusignGroup> ListGroupsAsync(string? searchText = null, string? groupType = null, CancellationToken cancellationToken = default) =>
        PageAsync(
            async (start, count, ct) =>
            {
                var page = await api.ListGroupsAsync(
                    AccountId,
                    new GroupsListQuery { StartPosition = start, Count = count, SearchText = searchText, GroupType = groupType },
                    ct).ConfigureAwait(false);
                return (page, page.Groups?.Select(DocusignGroup.From).ToList() ?? []);
            },
            g => g.GroupId,
            cancellationToken);

    public async Task<IReadOnlyList<DocusignGroupResult>> CreateGroupsAsync(IReadOnlyList<string> groupNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupNames);
        var body = new GroupInformation { Groups = [.. groupNames.Select(n => new Group { GroupName = n })] };
        var response = await api.CreateGroupsAsync(AccountId, body, cancellationToken).ConfigureAwait(false);
        return MatchGroups(groupNames.Select(n => ((string?)null, (string?)n)).ToList(), response.Groups);
    }

    public async Task<DocusignGroupResult> CreateGroupAsync(string groupName, string? permissionProfileId, CancellationToken cancellationToken = default)
    {
        var body = new GroupInformation { Groups = [new Group { GroupName = groupName, PermissionProfileId = permissionProfileId }] };
        var response = await api.CreateGroupsAsync(AccountId, body, cancellationToken).ConfigureAwait(false);
        return MatchGroups([(null, groupName)], response.Groups)[0];
    }

    public async Task<IReadOnlyList<DocusignGroupResult>> UpdateGroupsAsync(IReadOnlyList<DocusignGroupRename> renames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(renames);
        var body = new GroupInformation
        {
            Groups = [.. renames.Select(r => new Group { GroupId = r.GroupId, GroupName = r.GroupName, PermissionProfileId = r.PermissionProfileId })],
        };
        var response = await api.UpdateGroupsAsync(AccountId, body, cancellationToken).ConfigureAwait(false);
        return MatchGroups(renames.Select(r => ((string?)r.GroupId, r.GroupName)).ToList(), response.Groups);
    }

    public async Task<DocusignGroupResult> RenameGroupAsync(string groupId, string newName, CancellationToken cancellationToken = default) =>
        (await UpdateGroupsAsync([new DocusignGroupRename(groupId, newName)], cancellationToken).ConfigureAwait(false))[0];

    public async Task<IReadOnlyList<DocusignGroupResult>> DeleteGroupsAsync(IReadOnlyList<string> groupIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        // "When you delete a group, you include only the groupId in the request body." (§2.4)
        var body = new GroupInformation { Groups = [.. groupIds.Select(id => new Group { GroupId = id })] };
        var response = await api.DeleteGroupsAsync(AccountId, body, cancellationToken).ConfigureAwait(false);
        return MatchGroups(groupIds.Select(id => ((string?)id, (string?)null)).ToList(), response.Groups);
    }

    // ------------------------------------------------------------------ members

    public IAsyncEnumerable<DocusignGroupMember> ListGroupMembersAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        return PageAsync(
            async (start, count, ct) =>
            {
                var page = await api.ListGroupUsersAsync(AccountId, groupId, start, count, ct).ConfigureAwait(false);
                return (page, page.Users?.Select(u => new DocusignGroupMember(u.UserId ?? "", u.UserName, u.Email, DocusignUserStatuses.Parse(u.UserStatus))).ToList() ?? []);
            },
            m => m.UserId,
            cancellationToken);
    }

    public async Task<IReadOnlyList<DocusignUserChangeResult>> AddGroupMembersAsync(string groupId, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var response = await api.AddGroupUsersAsync(AccountId, groupId, ToUserInfoList(userIds), cancellationToken).ConfigureAwait(false);
        return [.. MatchById(userIds, FromUserInfos(response.Users))];
    }

    public async Task<IReadOnlyList<DocusignUserChangeResult>> RemoveGroupMembersAsync(string groupId, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var response = await api.RemoveGroupUsersAsync(AccountId, groupId, ToUserInfoList(userIds), cancellationToken).ConfigureAwait(false);
        return [.. MatchById(userIds, FromUserInfos(response.Users))];
    }

    // ------------------------------------------------------------------ connection

    public Task<DocusignUserInfo> GetUserInfoAsync(CancellationToken cancellationToken = default) =>
        connection.Tokens.GetUserInfoAsync(cancellationToken);

    public Task<DocusignConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken = default) =>
        new DocusignConnectionTester(connection, api).RunAsync(cancellationToken);

    // ------------------------------------------------------------------ helpers

    /// <summary>
    /// Walks list pages: start_position = endPosition + 1 until endPosition + 1 ≥ totalSetSize, nextUri is absent,
    /// or a page is empty (fact sheet §1.1). Items already yielded are skipped, so concurrent inserts that shift
    /// offsets cannot produce duplicates.
    /// </summary>
    private async IAsyncEnumerable<T> PageAsync<T>(
        Func<int, int, CancellationToken, Task<(IPagedResult Page, List<T> Items)>> fetch,
        Func<T, string> key,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var start = 0;
        while (true)
        {
            var (page, items) = await fetch(start, _options.PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var item in items)
            {
                if (seen.Add(key(item)))
                {
                    yield return item;
                }
            }

            if (items.Count == 0)
            {
                yield break;
            }

            // totalSetSize wins over nextUri when both are present: stopping early would make a snapshot diff
            // report present users as gone.
            var end = DocusignValues.ParseInt(page.EndPosition) ?? start + items.Count - 1;
            var total = DocusignValues.ParseInt(page.TotalSetSize);
            if (total is { } t ? end + 1 >= t : string.IsNullOrEmpty(page.NextUri))
            {
                yield break;
            }

            // Guard against a server that does not advance.
            start = Math.Max(end + 1, start + 1);
        }
    }

    /// <summary>Per request, the profile id to send (an id as given, a name resolved), or why the name is unknown.</summary>
    private async Task<IReadOnlyList<(string? Id, DocusignError? Error)>> ResolveProfilesAsync(IEnumerable<(string? Id, string? Name)> requests, CancellationToken cancellationToken)
    {
        var resolved = new List<(string? Id, DocusignError? Error)>();
        foreach (var (id, name) in requests)
        {
            if (!string.IsNullOrEmpty(id) || string.IsNullOrWhiteSpace(name))
            {
                resolved.Add((NullIfEmpty(id), null));
                continue;
            }

            var found = await connection.PermissionProfiles.ResolveAsync(name, ListPermissionProfilesAsync, cancellationToken).ConfigureAwait(false);
            resolved.Add(found is null ? (null, PermissionProfileCatalog.Unknown(name, connection.PermissionProfiles.Known)) : (found, null));
        }

        return resolved;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static UserInformation ToWire(NewDocusignUser user) => new()
    {
        UserName = user.UserName,
        Email = user.Email,
        FirstName = user.FirstName,
        MiddleName = user.MiddleName,
        LastName = user.LastName,
        SuffixName = user.SuffixName,
        Title = user.Title,
        JobTitle = user.JobTitle,
        Company = user.Company,
        PermissionProfileId = user.PermissionProfileId,
        GroupList = user.GroupIds.Count == 0 ? null : [.. user.GroupIds.Select(id => new Group { GroupId = id })],
    };

    private static UserInfoList ToUserInfoList(IEnumerable<string> userIds) =>
        new() { Users = [.. userIds.Select(id => new UserInfo { UserId = id })] };

    private static List<(string? UserId, DocusignUserStatus Status, DocusignError? Error)> FromUserInfos(List<UserInfo>? users) =>
        users?.Select(u => (u.UserId, DocusignUserStatuses.Parse(u.UserStatus), DocusignError.From(u.ErrorDetails))).ToList() ?? [];

    private static IEnumerable<DocusignUserChangeResult> MatchById(
        IReadOnlyList<string> requested,
        List<(string? UserId, DocusignUserStatus Status, DocusignError? Error)> items)
    {
        for (var i = 0; i < requested.Count; i++)
        {
            var id = requested[i];
            var match = items.FirstOrDefault(x => string.Equals(x.UserId, id, StringComparison.OrdinalIgnoreCase));
            if (match.UserId is null && items.Count == requested.Count)
            {
                match = items[i];
            }

            yield return match.UserId is null && match.Error is null && items.Count != requested.Count
                ? new DocusignUserChangeResult(id, DocusignUserStatus.Unknown, new DocusignError("MISSING_RESULT", "Docusign returned no result for this user."))
                : new DocusignUserChangeResult(id, match.Status, match.Error);
        }
    }

    private static List<DocusignGroupResult> MatchGroups(IReadOnlyList<(string? GroupId, string? GroupName)> requested, List<Group>? items)
    {
        items ??= [];
        var results = new List<DocusignGroupResult>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var (groupId, groupName) = requested[i];
            var item = items.Count == requested.Count
                ? items[i]
                : items.FirstOrDefault(g => (groupId is not null && g.GroupId == groupId) || (groupId is null && string.Equals(g.GroupName, groupName, StringComparison.OrdinalIgnoreCase)));
            results.Add(item is null
                ? new DocusignGroupResult(groupId, groupName, null, new DocusignError("MISSING_RESULT", "Docusign returned no result for this group."))
                : new DocusignGroupResult(
                    item.GroupId ?? groupId,
                    item.GroupName ?? groupName,
                    item.ErrorDetails is null && item.GroupId is not null ? DocusignGroup.From(item) : null,
                    DocusignError.From(item.ErrorDetails)));
        }

        return results;
    }
}
