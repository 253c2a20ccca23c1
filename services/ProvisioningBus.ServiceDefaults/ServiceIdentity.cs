using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ProvisioningBus.ServiceDefaults;

/// <summary>What the OpenTelemetry resource says this process is: <c>service.name</c>, <c>service.version</c>, <c>service.instance.id</c>.</summary>
public sealed record ServiceIdentity(string Name, string Version, string InstanceId)
{
    /// <summary>The standard variable (or configuration key) that names the service, whatever the process would call itself.</summary>
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";

    public static ServiceIdentity From(IConfiguration configuration, string defaultName)
    {
        var configured = configuration[ServiceNameKey];
        var name = string.IsNullOrWhiteSpace(configured) ? defaultName : configured.Trim();
        // Every project of the repository is built with one version, so the shared library's is the process's.
        var version = typeof(ServiceIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        // Host and pid: in a pod the host is the pod name, so an operator can find the process a span came from.
        return new ServiceIdentity(name, version, $"{Environment.MachineName}:{Environment.ProcessId}");
    }
}
