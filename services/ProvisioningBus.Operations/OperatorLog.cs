using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Core.ProvisioningLog;
using ProvisioningBus.State;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Operations;

/// <summary>
/// Records an operator's action (sync, approve-deletions, replay) in the provisioning log, as the OS user who ran the
/// CLI. Written at once rather than queued: the process ends with the command.
/// </summary>
internal static class OperatorLog
{
    public static async Task RecordAsync(
        CliContext cli, string rule, string action, bool succeeded, string? reason, CancellationToken ct,
        string entityType = "rule", string? entityId = null)
    {
        try
        {
            cli.RequireExistingStore();
        }
        catch (StoreNotConfiguredException)
        {
            // Commands that only talk to RabbitMQ work without a store; the log then cannot hold the action.
            cli.Error.WriteLine("Not recorded in the provisioning log: no store is configured (State:ConnectionString).");
            return;
        }

        var entry = OperatorActions.Entry(
            DateTimeOffset.UtcNow, rule, action, Environment.UserName, succeeded ? ProvisioningLogValues.Success : ProvisioningLogValues.Failed, reason,
            entityType, entityId);
        using var host = await cli.StartHostAsync(builder => builder.AddProvisioningStateStore(), ct);
        await host.Services.GetRequiredService<IProvisioningStore>().ProvisioningLog.AppendManyAsync([entry], ct);
    }

    /// <summary>The same with a store host the command already started.</summary>
    public static Task RecordAsync(
        IProvisioningStore store, string rule, string action, bool succeeded, string? reason, CancellationToken ct,
        string entityType = "rule", string? entityId = null) =>
        store.ProvisioningLog.AppendManyAsync(
        [
            OperatorActions.Entry(
                DateTimeOffset.UtcNow, rule, action, Environment.UserName, succeeded ? ProvisioningLogValues.Success : ProvisioningLogValues.Failed, reason,
                entityType, entityId),
        ], ct);
}
