using System.Text.Json.Nodes;
using PingOne.Emulator.Activities;

namespace PingOne.Emulator.Directory;

/// <summary>
/// The environment's users, groups, populations and memberships. The public write methods act as an
/// administrator in the admin console; REST writes go through the same code with the calling worker app as
/// actor. Every write records its audit event under the same lock, so the activity log has the order of the changes.
/// </summary>
public sealed class DirectoryState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EmulatedUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatedGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatedPopulation> _populations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _groupsByUser = new(StringComparer.Ordinal);
    private readonly ActivityLog _log;
    private readonly ActivityEventFactory _events;
    private readonly TimeProvider _time;
    private long _sequence;

    internal DirectoryState(ActivityLog log, ActivityEventFactory events, TimeProvider time, DirectoryActor adminConsole, string defaultPopulationName)
    {
        _log = log;
        _events = events;
        _time = time;
        AdminConsole = adminConsole;
        var population = new EmulatedPopulation
        {
            Id = Guid.NewGuid().ToString(),
            Sequence = ++_sequence,
            Name = defaultPopulationName,
            Default = true,
            CreatedAt = time.GetUtcNow(),
        };
        _populations.Add(population.Id, population);
        DefaultPopulationId = population.Id;
    }

    /// <summary>The actor of changes made through this class's public methods.</summary>
    public DirectoryActor AdminConsole { get; }

    public string DefaultPopulationId { get; }

    public EmulatedUser? FindUser(string userId)
    {
        lock (_gate)
        {
            return _users.GetValueOrDefault(userId);
        }
    }

    public EmulatedGroup? FindGroup(string groupId)
    {
        lock (_gate)
        {
            return _groups.GetValueOrDefault(groupId);
        }
    }

    public EmulatedPopulation? FindPopulation(string populationId)
    {
        lock (_gate)
        {
            return _populations.GetValueOrDefault(populationId);
        }
    }

    /// <summary>All users in creation order.</summary>
    public IReadOnlyList<EmulatedUser> Users()
    {
        lock (_gate)
        {
            return [.. _users.Values.OrderBy(u => u.Sequence)];
        }
    }

    public IReadOnlyList<EmulatedGroup> Groups()
    {
        lock (_gate)
        {
            return [.. _groups.Values.OrderBy(g => g.Sequence)];
        }
    }

    public IReadOnlyList<EmulatedPopulation> Populations()
    {
        lock (_gate)
        {
            return [.. _populations.Values.OrderBy(p => p.Sequence)];
        }
    }

    /// <summary>The groups a user is a direct member of, in group creation order.</summary>
    public IReadOnlyList<EmulatedGroup> GroupsOf(string userId)
    {
        lock (_gate)
        {
            return _groupsByUser.TryGetValue(userId, out var ids)
                ? [.. ids.Select(id => _groups[id]).OrderBy(g => g.Sequence)]
                : [];
        }
    }

    public EmulatedUser CreateUser(
        string username,
        string? email = null,
        EmulatedUserName? name = null,
        string? title = null,
        string? populationId = null,
        string? externalId = null) =>
        CreateUser(AdminConsole, username, email, name, title, populationId, externalId);

    public EmulatedUser UpdateUser(string userId, EmulatedUserChanges changes) => UpdateUser(AdminConsole, userId, changes);

    public EmulatedUser SetEnabled(string userId, bool enabled) => SetEnabled(AdminConsole, userId, enabled);

    public void DeleteUser(string userId) => DeleteUser(AdminConsole, userId);

    public EmulatedUser MoveToPopulation(string userId, string populationId) => MoveToPopulation(AdminConsole, userId, populationId);

    public EmulatedGroup CreateGroup(string name, string? description = null, string? populationId = null, string? externalId = null) =>
        CreateGroup(AdminConsole, name, description, populationId, externalId);

    public EmulatedGroup RenameGroup(string groupId, string newName)
    {
        var group = FindGroup(groupId) ?? throw EmulatorApiException.NotFound($"group with id {groupId}");
        return UpdateGroup(AdminConsole, groupId, newName, group.Description, group.ExternalId);
    }

    public void DeleteGroup(string groupId) => DeleteGroup(AdminConsole, groupId);

    public void AddMember(string userId, string groupId) => AddMember(AdminConsole, userId, groupId);

    public void RemoveMember(string userId, string groupId) => RemoveMember(AdminConsole, userId, groupId);

    public EmulatedPopulation CreatePopulation(string name, string? description = null) => CreatePopulation(AdminConsole, name, description);

    internal EmulatedUser CreateUser(
        DirectoryActor actor,
        string username,
        string? email,
        EmulatedUserName? name,
        string? title,
        string? populationId,
        string? externalId)
    {
        lock (_gate)
        {
            RequireText(username, "username");
            RequireUniqueUsername(username, exceptUserId: null);
            var population = populationId ?? DefaultPopulationId;
            if (!_populations.ContainsKey(population))
            {
                throw EmulatorApiException.Invalid($"Population {population} does not exist", "population.id");
            }

            var now = _time.GetUtcNow();
            var user = new EmulatedUser
            {
                Id = Guid.NewGuid().ToString(),
                Sequence = ++_sequence,
                Username = username,
                Email = email,
                Name = name,
                Title = title,
                ExternalId = externalId,
                PopulationId = population,
                CreatedAt = now,
                UpdatedAt = now,
            };
            _users.Add(user.Id, user);
            Record("USER.CREATED", _events.User("USER.CREATED", "User Created", user, actor, $"Created User {user.Username}"));
            return user;
        }
    }

    internal EmulatedUser UpdateUser(DirectoryActor actor, string userId, EmulatedUserChanges changes)
    {
        lock (_gate)
        {
            var current = _users.GetValueOrDefault(userId) ?? throw EmulatorApiException.NotFound($"user with id {userId}");
            if (changes.Username is not null)
            {
                RequireText(changes.Username, "username");
                RequireUniqueUsername(changes.Username, userId);
            }

            var updated = current with
            {
                Username = changes.Username ?? current.Username,
                Email = changes.Email ?? current.Email,
                Name = changes.Name is null ? current.Name : MergeName(current.Name, changes.Name),
                Title = changes.Title ?? current.Title,
                ExternalId = changes.ExternalId ?? current.ExternalId,
                UpdatedAt = _time.GetUtcNow(),
            };
            return StoreUpdatedUser(actor, current, updated);
        }
    }

    /// <summary>PUT semantics: every writable attribute is replaced, absent ones are cleared.</summary>
    internal EmulatedUser ReplaceUser(DirectoryActor actor, string userId, EmulatedUserChanges replacement)
    {
        lock (_gate)
        {
            var current = _users.GetValueOrDefault(userId) ?? throw EmulatorApiException.NotFound($"user with id {userId}");
            RequireText(replacement.Username, "username");
            RequireUniqueUsername(replacement.Username!, userId);
            var updated = current with
            {
                Username = replacement.Username!,
                Email = replacement.Email,
                Name = replacement.Name,
                Title = replacement.Title,
                ExternalId = replacement.ExternalId,
                UpdatedAt = _time.GetUtcNow(),
            };
            return StoreUpdatedUser(actor, current, updated);
        }
    }

    internal EmulatedUser SetEnabled(DirectoryActor actor, string userId, bool enabled)
    {
        lock (_gate)
        {
            var current = _users.GetValueOrDefault(userId) ?? throw EmulatorApiException.NotFound($"user with id {userId}");
            var updated = current with { Enabled = enabled, UpdatedAt = _time.GetUtcNow() };
            _users[userId] = updated;

            // Enable and disable are plain USER.UPDATED events naming the attribute (observed, fact sheet §1.6).
            Record("USER.UPDATED", _events.User("USER.UPDATED", "User Updated", updated, actor, $"Updated enabled for User {updated.Username}"));
            return updated;
        }
    }

    /// <summary>
    /// <c>PUT /users/{id}/population</c>. The user leaves the groups of its old population (fact sheet §2.3), each with its
    /// MEMBER_OF_GROUP.DELETED. Whether PingOne emits an event for the move itself is not documented (fact sheet §1.7);
    /// the emulator emits the USER.UPDATED naming the attribute, as for every other user attribute.
    /// </summary>
    internal EmulatedUser MoveToPopulation(DirectoryActor actor, string userId, string populationId)
    {
        lock (_gate)
        {
            var current = _users.GetValueOrDefault(userId) ?? throw EmulatorApiException.NotFound($"user with id {userId}");
            if (!_populations.ContainsKey(populationId))
            {
                throw EmulatorApiException.Invalid($"population {populationId} does not exist", "id", "INVALID_VALUE");
            }

            if (current.PopulationId == populationId)
            {
                return current;
            }

            var moved = current with { PopulationId = populationId, UpdatedAt = _time.GetUtcNow() };
            _users[userId] = moved;
            if (_groupsByUser.TryGetValue(userId, out var groups))
            {
                foreach (var groupId in groups.Where(id => _groups[id].PopulationId == current.PopulationId && current.PopulationId is not null).ToList())
                {
                    groups.Remove(groupId);
                    var group = _groups[groupId];
                    Record(
                        "MEMBER_OF_GROUP.DELETED",
                        _events.Membership("MEMBER_OF_GROUP.DELETED", "Member Of Group Deleted", moved, group, actor, $"Deleted Member Of Group {group.Name}"));
                }
            }

            Record("USER.UPDATED", _events.User("USER.UPDATED", "User Updated", moved, actor, $"Updated population for User {moved.Username}"));
            return moved;
        }
    }

    internal void DeleteUser(DirectoryActor actor, string userId)
    {
        lock (_gate)
        {
            var user = _users.GetValueOrDefault(userId) ?? throw EmulatorApiException.NotFound($"user with id {userId}");
            _users.Remove(userId);
            _groupsByUser.Remove(userId);
            Record("USER.DELETED", _events.User("USER.DELETED", "User Deleted", user, actor, $"Deleted User {user.Username}"));
        }
    }

    internal EmulatedGroup CreateGroup(DirectoryActor actor, string name, string? description, string? populationId, string? externalId)
    {
        lock (_gate)
        {
            RequireText(name, "name");
            if (populationId is not null && !_populations.ContainsKey(populationId))
            {
                throw EmulatorApiException.Invalid($"Population {populationId} does not exist", "population.id");
            }

            RequireUniqueGroupName(name, populationId, exceptGroupId: null);
            var now = _time.GetUtcNow();
            var group = new EmulatedGroup
            {
                Id = Guid.NewGuid().ToString(),
                Sequence = ++_sequence,
                Name = name,
                Description = description,
                PopulationId = populationId,
                ExternalId = externalId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            _groups.Add(group.Id, group);
            Record("GROUP.CREATED", _events.Group("GROUP.CREATED", "Group Created", group, actor, $"Created Group {group.Name}"));
            return group;
        }
    }

    internal EmulatedGroup UpdateGroup(DirectoryActor actor, string groupId, string name, string? description, string? externalId)
    {
        lock (_gate)
        {
            var current = _groups.GetValueOrDefault(groupId) ?? throw EmulatorApiException.NotFound($"group with id {groupId}");
            RequireText(name, "name");
            RequireUniqueGroupName(name, current.PopulationId, groupId);
            var updated = current with { Name = name, Description = description, ExternalId = externalId, UpdatedAt = _time.GetUtcNow() };
            _groups[groupId] = updated;
            Record("GROUP.UPDATED", _events.Group("GROUP.UPDATED", "Group Updated", updated, actor, $"Updated Group {updated.Name}"));
            return updated;
        }
    }

    internal void DeleteGroup(DirectoryActor actor, string groupId)
    {
        lock (_gate)
        {
            var group = _groups.GetValueOrDefault(groupId) ?? throw EmulatorApiException.NotFound($"group with id {groupId}");
            _groups.Remove(groupId);
            foreach (var memberships in _groupsByUser.Values)
            {
                memberships.Remove(groupId);
            }

            Record("GROUP.DELETED", _events.Group("GROUP.DELETED", "Group Deleted", group, actor, $"Deleted Group {group.Name}"));
        }
    }

    internal EmulatedGroup AddMember(DirectoryActor actor, string userId, string groupId)
    {
        lock (_gate)
        {
            var user = _users.GetValueOrDefault(userId) ?? throw EmulatorApiException.NotFound($"user with id {userId}");
            var group = _groups.GetValueOrDefault(groupId)
                ?? throw EmulatorApiException.Invalid($"Group {groupId} does not exist", "id");

            // Population groups hold only users of that population: moving a user out of a population removes
            // them from its groups (fact sheet §2.3).
            if (group.PopulationId is not null && group.PopulationId != user.PopulationId)
            {
                throw EmulatorApiException.Invalid($"User {userId} is not in the population of group {groupId}", "id");
            }

            if (!_groupsByUser.TryGetValue(userId, out var groups))
            {
                groups = new HashSet<string>(StringComparer.Ordinal);
                _groupsByUser.Add(userId, groups);
            }

            if (!groups.Add(groupId))
            {
                throw EmulatorApiException.Invalid($"User {userId} is already a member of group {groupId}", "id", "UNIQUENESS_VIOLATION");
            }

            Record(
                "MEMBER_OF_GROUP.CREATED",
                _events.Membership("MEMBER_OF_GROUP.CREATED", "Member Of Group Created", user, group, actor, $"Created Member Of Group {group.Name}"));
            return group;
        }
    }

    internal void RemoveMember(DirectoryActor actor, string userId, string groupId)
    {
        lock (_gate)
        {
            var user = _users.GetValueOrDefault(userId) ?? throw EmulatorApiException.NotFound($"user with id {userId}");
            if (!_groupsByUser.TryGetValue(userId, out var groups) || !groups.Remove(groupId))
            {
                throw EmulatorApiException.NotFound($"group membership of user {userId} in group {groupId}");
            }

            var group = _groups[groupId];
            Record(
                "MEMBER_OF_GROUP.DELETED",
                _events.Membership("MEMBER_OF_GROUP.DELETED", "Member Of Group Deleted", user, group, actor, $"Deleted Member Of Group {group.Name}"));
        }
    }

    internal EmulatedPopulation CreatePopulation(DirectoryActor actor, string name, string? description)
    {
        lock (_gate)
        {
            RequireText(name, "name");
            if (_populations.Values.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw EmulatorApiException.Invalid($"A population named {name} already exists", "name", "UNIQUENESS_VIOLATION");
            }

            var population = new EmulatedPopulation
            {
                Id = Guid.NewGuid().ToString(),
                Sequence = ++_sequence,
                Name = name,
                Description = description,
                CreatedAt = _time.GetUtcNow(),
            };
            _populations.Add(population.Id, population);
            Record("POPULATION.CREATED", _events.Population("POPULATION.CREATED", "Population Created", population, actor, $"Created Population {name}"));
            return population;
        }
    }

    private EmulatedUser StoreUpdatedUser(DirectoryActor actor, EmulatedUser current, EmulatedUser updated)
    {
        _users[current.Id] = updated;
        var changed = ChangedAttributes(current, updated);
        var description = changed.Count == 0 ? $"Updated User {updated.Username}" : $"Updated {string.Join(", ", changed)} for User {updated.Username}";
        Record("USER.UPDATED", _events.User("USER.UPDATED", "User Updated", updated, actor, description));
        return updated;
    }

    private static List<string> ChangedAttributes(EmulatedUser before, EmulatedUser after)
    {
        var changed = new List<string>();
        if (before.Username != after.Username)
        {
            changed.Add("username");
        }

        if (before.Email != after.Email)
        {
            changed.Add("email");
        }

        if (before.Name != after.Name)
        {
            changed.Add("name");
        }

        if (before.Title != after.Title)
        {
            changed.Add("title");
        }

        if (before.ExternalId != after.ExternalId)
        {
            changed.Add("externalId");
        }

        return changed;
    }

    private static EmulatedUserName MergeName(EmulatedUserName? current, EmulatedUserName change) =>
        new(
            change.Given ?? current?.Given,
            change.Family ?? current?.Family,
            change.Middle ?? current?.Middle,
            change.Formatted ?? current?.Formatted);

    private void Record(string actionType, JsonObject activity) => _log.Append(actionType, activity);

    private static void RequireText(string? value, string target)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw EmulatorApiException.Invalid($"{target} is required", target, "REQUIRED_VALUE");
        }
    }

    private void RequireUniqueUsername(string username, string? exceptUserId)
    {
        if (_users.Values.Any(u => u.Id != exceptUserId && string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase)))
        {
            throw EmulatorApiException.Invalid($"A user with username {username} already exists", "username", "UNIQUENESS_VIOLATION");
        }
    }

    private void RequireUniqueGroupName(string name, string? populationId, string? exceptGroupId)
    {
        if (_groups.Values.Any(g => g.Id != exceptGroupId && g.PopulationId == populationId && string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw EmulatorApiException.Invalid($"A group named {name} already exists", "name", "UNIQUENESS_VIOLATION");
        }
    }
}
