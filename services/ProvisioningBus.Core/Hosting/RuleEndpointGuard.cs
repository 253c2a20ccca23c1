using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.State;

namespace ProvisioningBus.Core.Hosting;

/// <summary>
/// Refuses to start when a configured rule names another connection than the one it was created with, and remembers
/// the connection of every new rule. It runs in the "starting" phase, after the schema exists and before any consumer
/// or resync could write through the new connection.
/// </summary>
internal sealed class RuleEndpointGuard(IProvisioningStore store, IConfiguration configuration, TimeProvider time) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var configured = RuleEndpoints.Configured(configuration, time.GetUtcNow());
        var problems = RuleEndpoints.Problems(configured, await store.RuleEndpoints.ListAsync(cancellationToken)).ToList();
        if (problems.Count == 0)
        {
            foreach (var endpoint in configured)
            {
                // Another instance starting with a different configuration may have recorded the rule first.
                var stored = await store.RuleEndpoints.RecordIfAbsentAsync(endpoint, cancellationToken);
                if (RuleEndpoints.Describe(endpoint, stored) is { } problem)
                {
                    problems.Add(problem);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
