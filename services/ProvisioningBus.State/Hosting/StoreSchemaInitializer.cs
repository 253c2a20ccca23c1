using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProvisioningBus.State.Hosting;

/// <summary>
/// Creates or upgrades the schema when the host starts, in the "starting" phase that precedes every hosted service's
/// start: no consumer runs before the schema exists, and start-up checks that read the store (the rule endpoint
/// guard) can run before any consumer does.
/// An unreachable store is retried with backoff for <see cref="StoreOptions.StartupTimeout"/>, then start-up
/// fails with a message naming the key to check.
/// </summary>
internal sealed class StoreSchemaInitializer(IProvisioningStore store, StoreOptions options, TimeProvider time, ILogger<StoreSchemaInitializer> logger)
    : IHostedLifecycleService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.StartupTimeout;
        var backoff = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            try
            {
                var version = await store.EnsureSchemaAsync(cancellationToken);
                logger.LogInformation("State store schema is at version {SchemaVersion}", version);
                return;
            }
            catch (DbException exception) when (time.GetUtcNow() + backoff < deadline)
            {
                // The message of a connection failure names host and port, never the password.
                logger.LogWarning("{Provider} state store unreachable ({Reason}); retrying in {Backoff}", options.Provider, exception.Message, backoff);
                await Task.Delay(backoff, time, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
            catch (DbException exception)
            {
                throw new InvalidOperationException(
                    $"The {options.Provider} state store stayed unreachable for {options.StartupTimeout} ({exception.Message}). Check {StoreOptions.SectionName}:ConnectionString.",
                    exception);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
