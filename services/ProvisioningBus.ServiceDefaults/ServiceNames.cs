namespace ProvisioningBus.ServiceDefaults;

/// <summary>The default <c>service.name</c> of each process; <c>OTEL_SERVICE_NAME</c> overrides it.</summary>
public static class ServiceNames
{
    public const string Gateway = "provisioningbus-gateway";

    /// <summary>A worker running every role; a worker with fewer roles appends them (<c>provisioningbus-worker-users</c>).</summary>
    public const string Worker = "provisioningbus-worker";

    /// <summary>The all-in-one demo host: gateway, workers and emulators in one process.</summary>
    public const string AllInOne = "provisioningbus";
}
