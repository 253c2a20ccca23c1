namespace ProvisioningBus.Deployment.Tests.Compose;

/// <summary>One service of docker-compose.yml that this repository builds: its project and the environment compose gives it.</summary>
/// <param name="HealthPath">The path its compose health check asks for (e.g. <c>/health/ready</c>), or null when it has none.</param>
public sealed record ComposeService(string Name, string ProjectDirectory, IReadOnlyDictionary<string, string> Environment, string? HealthPath);
