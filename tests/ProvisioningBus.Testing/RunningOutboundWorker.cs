using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Core.Roles;
using ProvisioningBus.Outbound;
using ProvisioningBus.Outbound.Resync;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.ServiceDefaults;
using ProvisioningBus.State;

namespace ProvisioningBus.Testing;

/// <summary>The real outbound worker (its consumers on the test's virtual host), configured as its Program.cs does.</summary>
public sealed class RunningOutboundWorker : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningOutboundWorker(WebApplication app) => this.app = app;

    public IServiceProvider Services => app.Services;

    /// <param name="roles">The outbound roles this worker runs (all by default), as <c>Worker:Roles</c> selects them.</param>
    /// <param name="configure">Test additions to the host (an exporter, a fake), applied after the worker's own registrations.</param>
    public static async Task<RunningOutboundWorker> StartAsync(
        IDictionary<string, string?> settings, WorkerRoles roles = WorkerRoles.Outbound, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults(WorkerServiceName.For(roles));
        builder.AddOutbound(roles: roles);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return new RunningOutboundWorker(app);
    }

    /// <summary>
    /// Waits until the worker's start-up reconciliation has settled every configured rule (its state stored, after the
    /// full resync a new or changed rule gets). Users created in PingOne meanwhile can be provisioned by that resync
    /// instead of by their events, which is right but not what a test of the event path means to watch.
    /// </summary>
    public async Task WaitForRulesSettledAsync(TimeSpan timeout)
    {
        // A worker without the rule lifecycle role (users only, say) reconciles nothing at start-up.
        if (app.Services.GetService<OutboundRuleCatalog>() is not { } rules || !app.Services.GetServices<IHostedService>().OfType<RuleLifecycleService>().Any())
        {
            return;
        }

        var store = app.Services.GetRequiredService<IProvisioningStore>();
        foreach (var rule in rules.All)
        {
            await Eventually.MatchesAsync(
                () => store.RuleStates.GetAsync(rule.Name, CancellationToken.None),
                state => state is { ConfigHash.Length: > 0 },
                timeout,
                $"the worker's start-up reconciliation settles rule {rule.Name}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
