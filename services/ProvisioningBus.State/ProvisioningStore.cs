using ProvisioningBus.State.Budgets;
using ProvisioningBus.State.Database;
using ProvisioningBus.State.Groups;
using ProvisioningBus.State.Health;
using ProvisioningBus.State.Hosting;
using ProvisioningBus.State.Idempotency;
using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Leases;
using ProvisioningBus.State.Log;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Memberships;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;
using ProvisioningBus.State.Parking;
using ProvisioningBus.State.Schema;
using ProvisioningBus.State.Secrets;
using ProvisioningBus.State.Tokens;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.State;

/// <summary>The store over one database; which engine is decided by <see cref="StoreOptions.Provider"/> alone.</summary>
public sealed class ProvisioningStore : IProvisioningStore, IDisposable
{
    private readonly StoreDatabase database;
    private readonly SchemaMigrator migrator;

    private ProvisioningStore(StoreDatabase database, StoredSecretProtector secrets, ProvisioningLogQueue? log)
    {
        this.database = database;
        migrator = new SchemaMigrator(database);
        UserLinks = new SqlUserLinkStore(database);
        GroupLinks = new SqlGroupLinkStore(database);
        Memberships = new SqlMembershipStore(database);
        RefreshTokens = new SqlRefreshTokenStore(database, secrets);
        Ledger = log is { Enabled: true } ? new LoggingSyncLedger(new SqlSyncLedger(database), log) : new SqlSyncLedger(database);
        ProvisioningLog = new SqlProvisioningLogStore(database);
        SyncRuns = new SqlSyncRunStore(database);
        RuleStates = new SqlRuleStateStore(database);
        RuleEndpoints = new SqlRuleEndpointStore(database);
        Leases = new SqlLeaseStore(database);
        ProcessedEvents = new SqlProcessedEventStore(database);
        InboundSnapshots = new SqlInboundSnapshotStore(database);
        InboundLinks = new SqlInboundLinkStore(database);
        InboundPollCursors = new SqlInboundPollCursorStore(database);
        SharedCounters = new SqlSharedCounterStore(database);
        ParkedEvents = new SqlParkedEventStore(database);
        Health = new SqlStoreHealth(database);
    }

    public IUserLinkStore UserLinks { get; }

    public IGroupLinkStore GroupLinks { get; }

    public IMembershipStore Memberships { get; }

    public IRefreshTokenStore RefreshTokens { get; }

    public ISyncLedger Ledger { get; }

    public ISyncRunStore SyncRuns { get; }

    public IProvisioningLogStore ProvisioningLog { get; }

    public IRuleStateStore RuleStates { get; }

    public IRuleEndpointStore RuleEndpoints { get; }

    public ILeaseStore Leases { get; }

    public IProcessedEventStore ProcessedEvents { get; }

    public IInboundSnapshotStore InboundSnapshots { get; }

    public IInboundLinkStore InboundLinks { get; }

    public IInboundPollCursorStore InboundPollCursors { get; }

    public ISharedCounterStore SharedCounters { get; }
    public IParkedEventStore ParkedEvents { get; }

    public IStoreHealth Health { get; }

    /// <summary>Opens the store described by <paramref name="options"/> (no I/O until first use).</summary>
    /// <param name="log">When given, every ledger outcome is also queued as a provisioning log entry.</param>
    /// <exception cref="InvalidOperationException">The options are invalid; the message names the configuration keys.</exception>
    public static ProvisioningStore Create(StoreOptions options, TimeProvider time, ProvisioningLogQueue? log = null) =>
        new(StoreDatabase.Create(options, time), new StoredSecretProtector(options.ResolvedKeyRingPath), log);

    public Task<int> EnsureSchemaAsync(CancellationToken ct) => migrator.MigrateAsync(ct);

    public Task<int> GetSchemaVersionAsync(CancellationToken ct) => migrator.GetVersionAsync(ct);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    // A container disposed synchronously throws for singletons that are only IAsyncDisposable; closing a data source
    // does no network round trip worth awaiting, so blocking here is harmless.
    public void Dispose() => database.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
