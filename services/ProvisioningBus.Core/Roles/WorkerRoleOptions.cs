using Microsoft.Extensions.Configuration;

namespace ProvisioningBus.Core.Roles;

/// <summary>
/// Reads <c>Worker:Roles</c>: a comma-separated list (<c>users,groups</c>) or an array (<c>Worker:Roles:0</c>); absent
/// or empty means every role. Read while the host is being built, before options validation runs, because the roles
/// decide which consumers and receive endpoints exist at all.
/// </summary>
public static class WorkerRoleOptions
{
    public const string Key = "Worker:Roles";

    /// <exception cref="InvalidWorkerRolesException">A name that is not a role; the message names the key and the roles.</exception>
    public static WorkerRoles Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Key);
        var values = section.GetChildren().Any()
            ? section.GetChildren().Select(child => child.Value ?? string.Empty)
            : (section.Value ?? string.Empty).Split(',');
        var names = values.Select(value => value.Trim()).Where(value => value.Length > 0).ToList();
        if (names.Count == 0)
        {
            return WorkerRoles.All;
        }

        var roles = WorkerRoles.None;
        var unknown = new List<string>();
        foreach (var name in names)
        {
            if (WorkerRoleNames.ByName.TryGetValue(name, out var role))
            {
                roles |= role;
            }
            else
            {
                unknown.Add(name);
            }
        }

        if (unknown.Count > 0)
        {
            throw new InvalidWorkerRolesException(
                $"{Key}: unknown role{(unknown.Count == 1 ? string.Empty : "s")} '{string.Join("', '", unknown)}'; the roles are {string.Join(", ", WorkerRoleNames.ByName.Keys)}.");
        }

        return roles;
    }
}
