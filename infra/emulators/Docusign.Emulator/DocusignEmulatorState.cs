using System.Security.Cryptography;
using Docusign.Emulator.Groups;
using Docusign.Emulator.Infrastructure;
using Docusign.Emulator.OAuth;
using Docusign.Emulator.Users;

namespace Docusign.Emulator;

/// <summary>
/// The whole emulated account: users, groups, memberships, OAuth tokens, rate-limit windows, faults and the request
/// log. Every member is thread-safe (one lock; the account is small). Tests read snapshots and may seed data directly.
/// </summary>
public sealed class DocusignEmulatorState
{
    /// <summary>Group IDs are numeric strings in Docusign (e.g. "8265840", fact sheet §7.2).</summary>
    private const long FirstGroupId = 8_265_840;

    private readonly Lock _gate = new();
    private readonly DocusignEmulatorOptions _options;
    private readonly Dictionary<string, EmulatedUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EmulatedGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _customMembers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly LinkedList<EmulatorRequestRecord> _requests = new();
    private readonly RequestCounter _requestCounts = new();

    // User ids in creation order (users are closed, never removed): a page of an unfiltered listing is a slice of it,
    // O(page), where ordering the dictionary made every page O(n) (88 ms a page at 1M users).
    private readonly List<string> _userOrder = [];

    // Users by last modification (ticks, creation sequence): the Admin API's last_modified_since listing reads the
    // users modified since a time in O(log n + changed), not by scanning the account.
    private readonly SortedSet<(long Ticks, long Sequence, string UserId)> _byModified = new();
    private Random _faultRandom = new();
    private long _sequence;
    private long _nextGroupId;
    private string _refreshToken = "";
    private EmulatorFaultSettings _faults = new();
    private int _failNext;
    private int _timeoutNext;
    private int _dropNext;
    private int _hourlyLimit;
    private int _burstLimit;
    private int _rateLimitStatusCode;
    private DateTimeOffset _hourWindowStart;
    private int _hourCount;
    private long _burstWindowIndex;
    private int _burstCount;
    private int _tokenRequests;
    private int _refreshes;
    private long _requestSequence;
    private bool _tokenUserIsAdmin;

    internal DocusignEmulatorState(DocusignEmulatorOptions options, TimeProvider timeProvider)
    {
        _options = options;
        TimeProvider = timeProvider;
        Reset();
    }

    public TimeProvider TimeProvider { get; }

    public string AccountId => _options.AccountId;

    public string OrganizationId => _options.OrganizationId;

    public string AccountName => _options.AccountName;

    /// <summary>The userId of the administrator the OAuth tokens belong to.</summary>
    public string AdminUserId { get; private set; } = "";

    /// <summary>Whether the token user has admin rights (user/group calls need them).</summary>
    public bool TokenUserIsAdmin
    {
        get { lock (_gate) { return _tokenUserIsAdmin; } }
        set { lock (_gate) { _tokenUserIsAdmin = value; } }
    }

    // ---------------------------------------------------------------- inspection

    public IReadOnlyList<EmulatedUser> Users
    {
        get { lock (_gate) { return [.. _userOrder.Select(id => _users[id])]; } }
    }

    public IReadOnlyList<EmulatedGroup> Groups
    {
        get { lock (_gate) { return [.. _groups.Values.OrderBy(g => g.Sequence)]; } }
    }

    public IReadOnlyList<EmulatorRequestRecord> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    /// <summary>Token-endpoint calls, successful or not.</summary>
    public int TokenRequestCount
    {
        get { lock (_gate) { return _tokenRequests; } }
    }

    /// <summary>Refresh-token grants that issued a new token pair.</summary>
    public int RefreshCount
    {
        get { lock (_gate) { return _refreshes; } }
    }

    /// <summary>The one refresh token the token endpoint accepts right now (each use rotates it).</summary>
    public string CurrentRefreshToken
    {
        get { lock (_gate) { return _refreshToken; } }
    }

    public EmulatorFaultSettings Faults
    {
        get { lock (_gate) { return _faults; } }
    }

    public EmulatedUser? FindUser(string userId)
    {
        lock (_gate) { return _users.GetValueOrDefault(userId); }
    }

    public IReadOnlyList<EmulatedUser> FindUsersByEmail(string email)
    {
        lock (_gate)
        {
            return [.. _users.Values.Where(u => EqualsIgnoreCase(u.Email, email)).OrderBy(u => u.Sequence)];
        }
    }

    public EmulatedGroup? FindGroup(string groupId)
    {
        lock (_gate) { return _groups.GetValueOrDefault(groupId); }
    }

    public EmulatedGroup? FindGroupByName(string groupName)
    {
        lock (_gate) { return _groups.Values.FirstOrDefault(g => EqualsIgnoreCase(g.GroupName, groupName)); }
    }

    /// <summary>User IDs in a group, in user creation order; built-in groups are computed.</summary>
    public IReadOnlyList<string> GetGroupMemberIds(string groupId)
    {
        lock (_gate) { return [.. MembersOf(groupId).Select(u => u.UserId)]; }
    }

    // ---------------------------------------------------------------- test control

    /// <summary>Restores the state the emulator started with (seed admin, built-in groups, initial refresh token, options' limits and faults).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _users.Clear();
            _userOrder.Clear();
            _byModified.Clear();
            _groups.Clear();
            _customMembers.Clear();
            _accessTokens.Clear();
            _requests.Clear();
            _requestCounts.Clear();
            _sequence = 0;
            _nextGroupId = FirstGroupId;
            _refreshToken = _options.InitialRefreshToken;
            _tokenRequests = 0;
            _refreshes = 0;
            _requestSequence = 0;
            _tokenUserIsAdmin = _options.TokenUserIsAdmin;
            _hourlyLimit = _options.HourlyLimit;
            _burstLimit = _options.BurstLimit;
            _rateLimitStatusCode = _options.RateLimitStatusCode;
            _hourCount = 0;
            _burstCount = 0;
            _hourWindowStart = default;
            _burstWindowIndex = -1;
            SetFaultsLocked(_options.Faults);

            AddGroupLocked("Administrators", EmulatedGroupTypes.AdminGroup, PermissionProfiles.AccountAdministratorId);
            AddGroupLocked("Everyone", EmulatedGroupTypes.EveryoneGroup, null);
            var admin = NewUserLocked(
                new UserChange
                {
                    UserName = _options.AdminUserName,
                    Email = _options.AdminEmail,
                    PermissionProfileId = PermissionProfiles.AccountAdministratorId,
                },
                "Active");
            AdminUserId = admin.UserId;
        }
    }

    /// <summary>Adds a user directly (no API call, no rate-limit cost).</summary>
    public EmulatedUser SeedUser(
        string userName,
        string email,
        string? firstName = null,
        string? lastName = null,
        string? jobTitle = null,
        string userStatus = "Active",
        string? permissionProfileId = null)
    {
        lock (_gate)
        {
            return NewUserLocked(
                new UserChange { UserName = userName, Email = email, FirstName = firstName, LastName = lastName, JobTitle = jobTitle, PermissionProfileId = permissionProfileId },
                userStatus);
        }
    }

    /// <summary>Adds a custom group directly.</summary>
    public EmulatedGroup SeedGroup(string groupName)
    {
        lock (_gate) { return AddGroupLocked(groupName, EmulatedGroupTypes.CustomGroup, null); }
    }

    /// <summary>Adds users to a custom group directly.</summary>
    public void SeedMembers(string groupId, params string[] userIds)
    {
        lock (_gate)
        {
            var members = _customMembers[groupId];
            foreach (var id in userIds)
            {
                members.Add(id);
            }
        }
    }

    /// <summary>What happens when the user clicks the activation email: ActivationSent → Active.</summary>
    public void ActivateUser(string userId)
    {
        lock (_gate)
        {
            if (_users.TryGetValue(userId, out var user))
            {
                PutUserLocked(user with { UserStatus = "Active", LastModified = Now });
            }
        }
    }

    /// <summary>Makes every issued access token expired (clients then get 401 and must refresh).</summary>
    public void ExpireAccessTokens()
    {
        lock (_gate) { _accessTokens.Clear(); }
    }

    /// <summary>Invalidates the current refresh token (as a 30-day expiry or a revoked consent would).</summary>
    public void RevokeRefreshToken()
    {
        lock (_gate) { _refreshToken = "revoked-" + RandomToken(); }
    }

    public void SetFaults(EmulatorFaultSettings faults)
    {
        lock (_gate) { SetFaultsLocked(faults); }
    }

    public void ClearFaults() => SetFaults(new EmulatorFaultSettings());

    /// <summary>Changes the hourly/burst budgets (null keeps the current value) and resets the windows' counters.</summary>
    public void ConfigureRateLimits(int? hourlyLimit = null, int? burstLimit = null, int? statusCode = null)
    {
        lock (_gate)
        {
            _hourlyLimit = hourlyLimit ?? _hourlyLimit;
            _burstLimit = burstLimit ?? _burstLimit;
            _rateLimitStatusCode = statusCode ?? _rateLimitStatusCode;
            _hourCount = 0;
            _burstCount = 0;
        }
    }

    public void ClearRequests()
    {
        lock (_gate)
        {
            _requests.Clear();
            _requestCounts.Clear();
        }
    }

    /// <summary>Requests answered since the last reset or <see cref="ClearRequests"/> with this method and a path ending in <paramref name="pathSuffix"/>; unbounded, unlike <see cref="Requests"/>.</summary>
    public long CountRequests(string method, string pathSuffix) => _requestCounts.Count(method, pathSuffix);

    /// <summary>Requests with this method and a path starting with <paramref name="pathPrefix"/> (e.g. every eSignature call, <c>/restapi/</c>), counted as <see cref="CountRequests"/>.</summary>
    public long CountRequestsUnder(string method, string pathPrefix) => _requestCounts.CountUnder(method, pathPrefix);

    // ---------------------------------------------------------------- OAuth

    internal TokenOutcome RedeemRefreshToken(string? clientId, string? clientSecret, string? grantType, string? refreshToken)
    {
        lock (_gate)
        {
            _tokenRequests++;
            if (!FixedTimeEquals(clientId, _options.ClientId) || !FixedTimeEquals(clientSecret, _options.ClientSecret))
            {
                return TokenOutcome.Fail("invalid_client", "The client is unknown or the client secret is wrong.", 401);
            }

            if (!string.Equals(grantType, "refresh_token", StringComparison.Ordinal))
            {
                return TokenOutcome.Fail("unsupported_grant_type", "Only grant_type=refresh_token is emulated.", 400);
            }

            if (string.IsNullOrEmpty(refreshToken))
            {
                return TokenOutcome.Fail("invalid_request", "refresh_token is required.", 400);
            }

            if (!FixedTimeEquals(refreshToken, _refreshToken))
            {
                return TokenOutcome.Fail("invalid_grant", "The refresh token is invalid, expired or was already used.", 400);
            }

            _refreshes++;
            _refreshToken = RandomToken();
            var accessToken = RandomToken();
            _accessTokens[accessToken] = Now + _options.AccessTokenLifetime;
            return TokenOutcome.Issued(accessToken, _refreshToken, (int)_options.AccessTokenLifetime.TotalSeconds);
        }
    }

    internal bool IsClient(string? clientId, string? clientSecret) =>
        FixedTimeEquals(clientId, _options.ClientId) && (clientSecret is null || FixedTimeEquals(clientSecret, _options.ClientSecret));

    /// <summary>
    /// An authorization code the OAuth endpoints verified: a new consent starts a new refresh-token chain, so the
    /// previous refresh token stops working, as a fresh Docusign consent supersedes the old grant for this emulator.
    /// </summary>
    internal TokenOutcome IssueForAuthorizationCode()
    {
        lock (_gate)
        {
            _tokenRequests++;
            _refreshToken = RandomToken();
            var accessToken = RandomToken();
            _accessTokens[accessToken] = Now + _options.AccessTokenLifetime;
            return TokenOutcome.Issued(accessToken, _refreshToken, (int)_options.AccessTokenLifetime.TotalSeconds);
        }
    }

    /// <summary>A JWT grant the OAuth endpoints verified: an access token only, "JWT Grant issues no refresh token" (fact sheet §5.4).</summary>
    internal TokenOutcome IssueForJwtGrant()
    {
        lock (_gate)
        {
            _tokenRequests++;
            var accessToken = RandomToken();
            var lifetime = _options.JwtAccessTokenLifetime;
            _accessTokens[accessToken] = Now + lifetime;
            return TokenOutcome.Issued(accessToken, null, (int)lifetime.TotalSeconds);
        }
    }

    internal void CountRefusedTokenRequest()
    {
        lock (_gate) { _tokenRequests++; }
    }

    internal AccessTokenCheck CheckAccessToken(string? accessToken)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(accessToken))
            {
                return AccessTokenCheck.Missing;
            }

            if (!_accessTokens.TryGetValue(accessToken, out var expires))
            {
                return AccessTokenCheck.Invalid;
            }

            if (expires <= Now)
            {
                _accessTokens.Remove(accessToken);
                return AccessTokenCheck.Expired;
            }

            return AccessTokenCheck.Valid;
        }
    }

    // ---------------------------------------------------------------- rate limits and faults

    internal RateLimitDecision AdmitRestCall()
    {
        lock (_gate)
        {
            var now = Now;
            var hourStart = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
            if (hourStart != _hourWindowStart)
            {
                _hourWindowStart = hourStart;
                _hourCount = 0;
            }

            var burstIndex = now.ToUnixTimeMilliseconds() / (long)_options.BurstWindow.TotalMilliseconds;
            if (burstIndex != _burstWindowIndex)
            {
                _burstWindowIndex = burstIndex;
                _burstCount = 0;
            }

            var reset = hourStart.AddHours(1).ToUnixTimeSeconds();
            EmulatorError? error = null;
            if (_hourCount >= _hourlyLimit)
            {
                error = new EmulatorError(
                    "HOURLY_APIINVOCATION_LIMIT_EXCEEDED",
                    $"The maximum number of hourly API invocations has been exceeded. The hourly limit is {_hourlyLimit}.");
            }
            else if (_burstCount >= _burstLimit)
            {
                error = new EmulatorError(
                    "BURST_APIINVOCATION_LIMIT_EXCEEDED",
                    $"The maximum number of burst API invocations has been exceeded. The burst limit is {_burstLimit}.");
            }
            else
            {
                _hourCount++;
                _burstCount++;
            }

            return new RateLimitDecision(
                error,
                _rateLimitStatusCode,
                _hourlyLimit,
                Math.Max(0, _hourlyLimit - _hourCount),
                reset,
                _burstLimit,
                Math.Max(0, _burstLimit - _burstCount));
        }
    }

    internal FaultDecision DrawFault(string path)
    {
        lock (_gate)
        {
            var faults = _faults;
            var applies = faults.PathPrefix is { } prefix
                ? path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                : path.StartsWith("/restapi", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/oauth", StringComparison.OrdinalIgnoreCase);
            if (!applies)
            {
                return FaultDecision.None;
            }

            var kind = FaultKind.None;
            if (_dropNext > 0)
            {
                _dropNext--;
                kind = FaultKind.DropConnection;
            }
            else if (_timeoutNext > 0)
            {
                _timeoutNext--;
                kind = FaultKind.Timeout;
            }
            else if (_failNext > 0)
            {
                _failNext--;
                kind = FaultKind.ServerError;
            }
            else
            {
                var draw = _faultRandom.NextDouble();
                if (draw < faults.DropConnectionRate)
                {
                    kind = FaultKind.DropConnection;
                }
                else if (draw < faults.DropConnectionRate + faults.TimeoutRate)
                {
                    kind = FaultKind.Timeout;
                }
                else if (draw < faults.DropConnectionRate + faults.TimeoutRate + faults.ServerErrorRate)
                {
                    kind = FaultKind.ServerError;
                }
            }

            return new FaultDecision(kind, faults.Latency, faults.ServerErrorStatusCode, faults.TimeoutDuration);
        }
    }

    /// <returns>The record's sequence number.</returns>
    internal long Record(string method, string path, string? query, int status, string? requestBody, string? responseBody, string? contentType)
    {
        lock (_gate)
        {
            if (!_options.RecordBodies)
            {
                requestBody = null;
                responseBody = null;
            }

            _requestCounts.Add(method, path);
            _requests.AddLast(new EmulatorRequestRecord(++_requestSequence, Now, method, path, query, status, requestBody, responseBody, contentType));
            while (_requests.Count > _options.RequestLogCapacity)
            {
                _requests.RemoveFirst();
            }

            return _requestSequence;
        }
    }

    /// <summary>The client went away while the answer was being written: the request counts as dropped (status 0).</summary>
    internal void MarkDropped(long sequence)
    {
        lock (_gate)
        {
            for (var node = _requests.Last; node is not null; node = node.Previous)
            {
                if (node.Value.Sequence == sequence)
                {
                    node.Value = node.Value with { StatusCode = 0, ResponseBody = null };
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- users

    internal IReadOnlyList<UserOutcome> CreateUsers(IReadOnlyList<UserChange> requests)
    {
        lock (_gate)
        {
            var outcomes = new List<UserOutcome>(requests.Count);
            foreach (var request in requests)
            {
                outcomes.Add(CreateUserLocked(request));
            }

            return outcomes;
        }
    }

    private UserOutcome CreateUserLocked(UserChange request)
    {
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            // Code chosen by the emulator: Docusign documents only that userName and email are required (§1.2).
            return new UserOutcome(null, request, new EmulatorError("INVALID_USERNAME_FOR_USER", "A userName is required for each new user."));
        }

        if (!LooksLikeEmail(request.Email))
        {
            return new UserOutcome(null, request, new EmulatorError("INVALID_EMAIL_ADDRESS_FOR_USER", "A valid email is required for each new user."));
        }

        if (request.PermissionProfileId is { Length: > 0 } profile && !PermissionProfiles.Names.ContainsKey(profile))
        {
            return new UserOutcome(null, request, new EmulatorError("INVALID_PERMISSION_PROFILE_ID", "The permission profile does not exist."));
        }

        var existing = _users.Values
            .Where(u => EqualsIgnoreCase(u.UserName, request.UserName) && EqualsIgnoreCase(u.Email, request.Email))
            .OrderBy(u => string.Equals(u.UserStatus, "Closed", StringComparison.OrdinalIgnoreCase) ? 1 : 0)
            .FirstOrDefault();

        if (existing is not null && !string.Equals(existing.UserStatus, "Closed", StringComparison.OrdinalIgnoreCase))
        {
            // Spec example: the failed item still carries the existing user's userId (§1.2).
            return new UserOutcome(
                existing,
                request,
                new EmulatorError("USER_ALREADY_EXISTS_IN_ACCOUNT", "Username and email combination already exists for this account."));
        }

        if (existing is not null && _options.ClosedUserReactivation == ClosedUserReactivation.SameUserId)
        {
            var reactivated = Apply(existing, request) with { UserStatus = "ActivationSent", LastModified = Now };
            PutUserLocked(reactivated);
            AddToGroupsLocked(reactivated.UserId, request.GroupIds);
            return new UserOutcome(reactivated, request, null, Created: true);
        }

        var user = NewUserLocked(request, "ActivationSent");
        return new UserOutcome(user, request, null, Created: true);
    }

    /// <summary>
    /// The Admin API's organisation users of this account modified at or after <paramref name="since"/> (every user
    /// when null), oldest change first: a page costs O(log n + start + take), never a scan of the account.
    /// </summary>
    internal (IReadOnlyList<EmulatedUser> Page, int Total) ListUsersModifiedSince(DateTimeOffset? since, int start, int take)
    {
        lock (_gate)
        {
            if (_byModified.Count == 0)
            {
                return ([], 0);
            }

            var from = since?.UtcTicks ?? long.MinValue;
            var max = _byModified.Max;
            if (from > max.Ticks)
            {
                return ([], 0);
            }

            var view = _byModified.GetViewBetween((from, long.MinValue, ""), max);
            return ([.. view.Skip(start).Take(take).Select(entry => _users[entry.UserId])], view.Count);
        }
    }

    internal (IReadOnlyList<EmulatedUser> Page, int Total) ListUsers(UserQuery query, int start, int count)
    {
        lock (_gate)
        {
            if (query.IsAll)
            {
                var end = Math.Min(_userOrder.Count, start + count);
                return (start >= end ? [] : [.. _userOrder[start..end].Select(id => _users[id])], _userOrder.Count);
            }

            IEnumerable<EmulatedUser> users = _userOrder.Select(id => _users[id]);
            if (query.Email is { Length: > 0 } email)
            {
                users = users.Where(u => EqualsIgnoreCase(u.Email, email));
            }

            if (query.EmailSubstring is { Length: > 0 } emailPart)
            {
                users = users.Where(u => u.Email.Contains(emailPart, StringComparison.OrdinalIgnoreCase));
            }

            if (query.UserNameSubstring is { Length: > 0 } namePart)
            {
                users = users.Where(u => u.UserName.Contains(namePart, StringComparison.OrdinalIgnoreCase));
            }

            if (query.Statuses.Count > 0)
            {
                users = users.Where(u => query.Statuses.Contains(u.UserStatus, StringComparer.OrdinalIgnoreCase));
            }

            if (query.GroupIds.Count > 0)
            {
                var included = query.GroupIds.SelectMany(MembersOf).Select(u => u.UserId).ToHashSet(StringComparer.OrdinalIgnoreCase);
                users = users.Where(u => included.Contains(u.UserId));
            }

            if (query.NotGroupIds.Count > 0)
            {
                var excluded = query.NotGroupIds.SelectMany(MembersOf).Select(u => u.UserId).ToHashSet(StringComparer.OrdinalIgnoreCase);
                users = users.Where(u => !excluded.Contains(u.UserId));
            }

            var all = users.ToList();
            return ([.. all.Skip(start).Take(count)], all.Count);
        }
    }

    internal IReadOnlyList<EmulatedGroup> GroupsOfUser(string userId)
    {
        lock (_gate)
        {
            return [.. _groups.Values.OrderBy(g => g.Sequence).Where(g => MembersOf(g.GroupId).Any(u => u.UserId == userId))];
        }
    }

    internal UserOutcome UpdateUser(UserChange change)
    {
        lock (_gate)
        {
            if (change.UserId is null || !_users.TryGetValue(change.UserId, out var user))
            {
                return new UserOutcome(null, change, UnknownUser);
            }

            if (change.Email is not null && !LooksLikeEmail(change.Email))
            {
                return new UserOutcome(user, change, new EmulatorError("INVALID_EMAIL_ADDRESS_FOR_USER", "The email address is not valid."));
            }

            if (change.PermissionProfileId is { Length: > 0 } profile && !PermissionProfiles.Names.ContainsKey(profile))
            {
                return new UserOutcome(user, change, new EmulatorError("INVALID_PERMISSION_PROFILE_ID", "The permission profile does not exist."));
            }

            // userStatus in the body is ignored: setting it is undocumented (§1.7).
            var updated = Apply(user, change) with { LastModified = Now };
            PutUserLocked(updated);
            return new UserOutcome(updated, change, null);
        }
    }

    internal IReadOnlyList<UserOutcome> CloseUsers(IReadOnlyList<UserChange> requests, bool removeFromGroups)
    {
        lock (_gate)
        {
            var outcomes = new List<UserOutcome>(requests.Count);
            foreach (var request in requests)
            {
                if (request.UserId is null || !_users.TryGetValue(request.UserId, out var user))
                {
                    outcomes.Add(new UserOutcome(null, request, UnknownUser));
                    continue;
                }

                var closed = user with { UserStatus = "Closed", LastModified = Now };
                PutUserLocked(closed);
                if (removeFromGroups)
                {
                    foreach (var members in _customMembers.Values)
                    {
                        members.Remove(user.UserId);
                    }
                }

                outcomes.Add(new UserOutcome(closed, request, null));
            }

            return outcomes;
        }
    }

    // ---------------------------------------------------------------- groups

    internal (IReadOnlyList<(EmulatedGroup Group, int UsersCount)> Page, int Total) ListGroups(string? groupType, string? searchText, int start, int count)
    {
        lock (_gate)
        {
            var all = _groups.Values
                .OrderBy(g => g.Sequence)
                .Where(g => groupType is not { Length: > 0 } || EqualsIgnoreCase(g.GroupType, groupType))
                .Where(g => searchText is not { Length: > 0 } || g.GroupName.Contains(searchText, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return ([.. all.Skip(start).Take(count).Select(g => (g, MembersOf(g.GroupId).Count()))], all.Count);
        }
    }

    internal IReadOnlyList<GroupOutcome> CreateGroups(IReadOnlyList<GroupChange> requests)
    {
        lock (_gate)
        {
            var outcomes = new List<GroupOutcome>();
            foreach (var request in requests)
            {
                if (string.IsNullOrWhiteSpace(request.GroupName))
                {
                    outcomes.Add(new GroupOutcome(null, request, new EmulatorError("INVALID_GROUP_NAME", "A groupName is required.")));
                }
                else if (request.PermissionProfileId is { Length: > 0 } profile && !PermissionProfiles.Names.ContainsKey(profile))
                {
                    // "It is an error if the permissionProfileId does not exist." (§2.2)
                    outcomes.Add(new GroupOutcome(null, request, new EmulatorError("INVALID_PERMISSION_PROFILE_ID", "The permission profile does not exist.")));
                }
                else if (_groups.Values.Any(g => EqualsIgnoreCase(g.GroupName, request.GroupName)))
                {
                    // Code chosen by the emulator: Docusign's code for a duplicate name is unverified (§4.3).
                    outcomes.Add(new GroupOutcome(null, request, new EmulatorError("GROUP_NAME_ALREADY_EXISTS", "A group with this name already exists.")));
                }
                else
                {
                    outcomes.Add(new GroupOutcome(AddGroupLocked(request.GroupName.Trim(), EmulatedGroupTypes.CustomGroup, NullIfEmpty(request.PermissionProfileId)), request, null));
                }
            }

            return outcomes;
        }
    }

    internal IReadOnlyList<GroupOutcome> UpdateGroups(IReadOnlyList<GroupChange> requests)
    {
        lock (_gate)
        {
            var outcomes = new List<GroupOutcome>();
            foreach (var request in requests)
            {
                if (request.GroupId is null || !_groups.TryGetValue(request.GroupId, out var group))
                {
                    outcomes.Add(new GroupOutcome(null, request, UnknownGroup));
                }
                else if (group.IsBuiltIn)
                {
                    outcomes.Add(new GroupOutcome(group, request, BuiltInGroup));
                }
                else if (request.GroupName is { } name && string.IsNullOrWhiteSpace(name))
                {
                    outcomes.Add(new GroupOutcome(group, request, new EmulatorError("INVALID_GROUP_NAME", "A groupName cannot be empty.")));
                }
                else if (request.GroupName is { } newName && _groups.Values.Any(g => g.GroupId != group.GroupId && EqualsIgnoreCase(g.GroupName, newName)))
                {
                    outcomes.Add(new GroupOutcome(group, request, new EmulatorError("GROUP_NAME_ALREADY_EXISTS", "A group with this name already exists.")));
                }
                else if (request.PermissionProfileId is { Length: > 0 } profile && !PermissionProfiles.Names.ContainsKey(profile))
                {
                    outcomes.Add(new GroupOutcome(group, request, new EmulatorError("INVALID_PERMISSION_PROFILE_ID", "The permission profile does not exist.")));
                }
                else
                {
                    var updated = group with
                    {
                        GroupName = request.GroupName?.Trim() ?? group.GroupName,
                        PermissionProfileId = request.PermissionProfileId is null ? group.PermissionProfileId : NullIfEmpty(request.PermissionProfileId),
                    };
                    _groups[group.GroupId] = updated;
                    outcomes.Add(new GroupOutcome(updated, request, null));
                }
            }

            return outcomes;
        }
    }

    internal IReadOnlyList<GroupOutcome> DeleteGroups(IReadOnlyList<GroupChange> requests)
    {
        lock (_gate)
        {
            var outcomes = new List<GroupOutcome>();
            foreach (var request in requests)
            {
                if (request.GroupId is null || !_groups.TryGetValue(request.GroupId, out var group))
                {
                    outcomes.Add(new GroupOutcome(null, request, UnknownGroup));
                }
                else if (group.IsBuiltIn)
                {
                    outcomes.Add(new GroupOutcome(group, request, BuiltInGroup));
                }
                else
                {
                    _groups.Remove(group.GroupId);
                    _customMembers.Remove(group.GroupId);
                    outcomes.Add(new GroupOutcome(group, request, null));
                }
            }

            return outcomes;
        }
    }

    internal (IReadOnlyList<EmulatedUser> Page, int Total)? ListGroupMembers(string groupId, int start, int count)
    {
        lock (_gate)
        {
            if (!_groups.ContainsKey(groupId))
            {
                return null;
            }

            var all = MembersOf(groupId).ToList();
            return ([.. all.Skip(start).Take(count)], all.Count);
        }
    }

    /// <summary>Adds (add=true) or removes members; null when the group is unknown, an error when it is built-in.</summary>
    internal (EmulatorError? GroupError, IReadOnlyList<UserOutcome> Outcomes) ChangeMembers(string groupId, IReadOnlyList<UserChange> requests, bool add)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(groupId, out var group))
            {
                return (UnknownGroup, []);
            }

            if (group.IsBuiltIn)
            {
                // "By default, two groups are defined for every account: Everyone and Administrators. These groups
                // cannot be edited or deleted" (§2.6); Administrators follows the permission profile.
                return (BuiltInGroup, []);
            }

            var members = _customMembers[groupId];
            var outcomes = new List<UserOutcome>();
            foreach (var request in requests)
            {
                if (request.UserId is null || !_users.TryGetValue(request.UserId, out var user))
                {
                    outcomes.Add(new UserOutcome(null, request, UnknownUser));
                    continue;
                }

                // Adding a member twice or removing a non-member is treated as success (Docusign's answer is unverified, §3).
                if (add)
                {
                    members.Add(user.UserId);
                }
                else
                {
                    members.Remove(user.UserId);
                }

                outcomes.Add(new UserOutcome(user, request, null));
            }

            return (null, outcomes);
        }
    }

    // ---------------------------------------------------------------- helpers

    internal static EmulatorError UnknownUser { get; } =
        new("USER_DOES_NOT_EXIST_IN_SYSTEM", "The user does not exist in the account.");

    internal static EmulatorError UnknownGroup { get; } =
        new("INVALID_GROUP_ID", "The group does not exist in the account.");

    internal static EmulatorError BuiltInGroup { get; } =
        new("GROUP_CANNOT_BE_MODIFIED", "The Administrators and Everyone groups cannot be edited or deleted.");

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    private IEnumerable<EmulatedUser> MembersOf(string groupId)
    {
        if (!_groups.TryGetValue(groupId, out var group))
        {
            return [];
        }

        var users = _userOrder.Select(id => _users[id]);
        if (EqualsIgnoreCase(group.GroupType, EmulatedGroupTypes.EveryoneGroup))
        {
            return users.Where(u => !EqualsIgnoreCase(u.UserStatus, "Closed"));
        }

        if (EqualsIgnoreCase(group.GroupType, EmulatedGroupTypes.AdminGroup))
        {
            return users.Where(u => u.IsAdmin && !EqualsIgnoreCase(u.UserStatus, "Closed"));
        }

        var members = _customMembers[groupId];
        return users.Where(u => members.Contains(u.UserId));
    }

    private EmulatedUser NewUserLocked(UserChange request, string status)
    {
        var profile = NullIfEmpty(request.PermissionProfileId) ?? PermissionProfiles.SenderId;
        var user = new EmulatedUser
        {
            UserId = Guid.NewGuid().ToString(),
            UserName = request.UserName!.Trim(),
            Email = request.Email!.Trim(),
            FirstName = NullIfEmpty(request.FirstName),
            MiddleName = NullIfEmpty(request.MiddleName),
            LastName = NullIfEmpty(request.LastName),
            SuffixName = NullIfEmpty(request.SuffixName),
            Title = NullIfEmpty(request.Title),
            JobTitle = NullIfEmpty(request.JobTitle),
            Company = NullIfEmpty(request.Company),
            UserStatus = status,
            IsAdmin = profile == PermissionProfiles.AccountAdministratorId,
            PermissionProfileId = profile,
            PermissionProfileName = PermissionProfiles.Names.GetValueOrDefault(profile, "Custom"),
            MembershipId = Guid.NewGuid().ToString(),
            CreatedDateTime = Now,
            LastModified = Now,
            Sequence = ++_sequence,
        };
        PutUserLocked(user);
        _userOrder.Add(user.UserId);
        AddToGroupsLocked(user.UserId, request.GroupIds);
        return user;
    }

    /// <summary>Stores a new or changed user and keeps the last-modified index in step.</summary>
    private void PutUserLocked(EmulatedUser user)
    {
        if (_users.TryGetValue(user.UserId, out var previous))
        {
            _byModified.Remove((previous.LastModified.UtcTicks, previous.Sequence, previous.UserId));
        }

        _users[user.UserId] = user;
        _byModified.Add((user.LastModified.UtcTicks, user.Sequence, user.UserId));
    }

    private static EmulatedUser Apply(EmulatedUser user, UserChange change)
    {
        var profile = NullIfEmpty(change.PermissionProfileId);
        return user with
        {
            UserName = change.UserName is { Length: > 0 } name ? name.Trim() : user.UserName,
            Email = change.Email is { Length: > 0 } email ? email.Trim() : user.Email,
            FirstName = change.FirstName ?? user.FirstName,
            MiddleName = change.MiddleName ?? user.MiddleName,
            LastName = change.LastName ?? user.LastName,
            SuffixName = change.SuffixName ?? user.SuffixName,
            Title = change.Title ?? user.Title,
            JobTitle = change.JobTitle ?? user.JobTitle,
            Company = change.Company ?? user.Company,
            PermissionProfileId = profile ?? user.PermissionProfileId,
            PermissionProfileName = profile is null ? user.PermissionProfileName : PermissionProfiles.Names.GetValueOrDefault(profile, "Custom"),
            IsAdmin = profile is null ? user.IsAdmin : profile == PermissionProfiles.AccountAdministratorId,
        };
    }

    private void AddToGroupsLocked(string userId, IReadOnlyList<string> groupIds)
    {
        foreach (var groupId in groupIds)
        {
            if (_customMembers.TryGetValue(groupId, out var members))
            {
                members.Add(userId);
            }
        }
    }

    private EmulatedGroup AddGroupLocked(string name, string type, string? permissionProfileId)
    {
        var group = new EmulatedGroup
        {
            GroupId = (_nextGroupId++).ToString(System.Globalization.CultureInfo.InvariantCulture),
            GroupName = name,
            GroupType = type,
            PermissionProfileId = permissionProfileId,
            Sequence = ++_sequence,
        };
        _groups[group.GroupId] = group;
        if (type == EmulatedGroupTypes.CustomGroup)
        {
            _customMembers[group.GroupId] = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        return group;
    }

    private void SetFaultsLocked(EmulatorFaultSettings faults)
    {
        _faults = faults;
        _failNext = faults.FailNextRequests;
        _timeoutNext = faults.TimeoutNextRequests;
        _dropNext = faults.DropNextRequests;
        _faultRandom = faults.Seed is { } seed ? new Random(seed) : new Random();
    }

    private static bool LooksLikeEmail(string? email) =>
        email is { Length: > 2 } && email.IndexOf('@', StringComparison.Ordinal) > 0 && !email.Any(char.IsWhiteSpace);

    private static bool EqualsIgnoreCase(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool FixedTimeEquals(string? a, string b) =>
        a is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));

    private static string RandomToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
