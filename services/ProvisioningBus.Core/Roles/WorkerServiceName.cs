using ProvisioningBus.ServiceDefaults;

namespace ProvisioningBus.Core.Roles;

/// <summary>A worker's <c>service.name</c> says which roles it runs, so its traces and metrics can be told from another role's.</summary>
public static class WorkerServiceName
{
    /// <returns><c>provisioningbus-worker</c> for every role, else <c>provisioningbus-worker-groups-memberships</c> and the like.</returns>
    public static string For(WorkerRoles roles) =>
        roles == WorkerRoles.All ? ServiceNames.Worker : $"{ServiceNames.Worker}-{WorkerRoleNames.Format(roles, "-")}";
}
