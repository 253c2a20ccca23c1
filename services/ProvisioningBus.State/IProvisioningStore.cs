using ProvisioningBus.State.Budgets;
using ProvisioningBus.State.Groups;
using ProvisioningBus.State.Health;
using ProvisioningBus.State.Idempotency;
using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Leases;
using ProvisioningBus.State.Log;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Memberships;
using ProvisioningBus.State.Parking;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;
using ProvisioningBus.State.Tokens;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.State;

/// <summary>
/// The provisioning state store. Each feature has its own small interface (also registered on its own in DI);
/// every one of them runs the same SQL on SQLite and PostgreSQL.
/// </summary>
public interface IProvisioningStore : IAsyncDisposable
{
    IUserLinkStore UserLinks { get; }

    IGroupLinkStore GroupLinks { get; }

    IMembershipStore Memberships { get; }

    IRefreshTokenStore RefreshTokens { get; }

    ISyncLedger Ledger { get; }

    ISyncRunStore SyncRuns { get; }

    /// <summary>One entry per change applied, skipped or failed, and per operator action (<c>provisioning_log</c>).</summary>
    IProvisioningLogStore ProvisioningLog { get; }

    IRuleStateStore RuleStates { get; }

    /// <summary>The connection each rule was created against.</summary>
    IRuleEndpointStore RuleEndpoints { get; }

    ILeaseStore Leases { get; }

    IProcessedEventStore ProcessedEvents { get; }

    IInboundSnapshotStore InboundSnapshots { get; }

    IInboundLinkStore InboundLinks { get; }

    IInboundPollCursorStore InboundPollCursors { get; }

    ISharedCounterStore SharedCounters { get; }
    IParkedEventStore ParkedEvents { get; }

    IStoreHealth Health { get; }

    /// <summary>
    /// Creates or upgrades the schema. Idempotent, and safe when several instances start at once
    /// (they migrate one after the other; the later ones find nothing to do).
    /// </summary>
    /// <returns>The schema version now in place.</returns>
    Task<int> EnsureSchemaAsync(CancellationToken ct);

    /// <summary>The applied schema version; 0 when the schema was never created.</summary>
    Task<int> GetSchemaVersionAsync(CancellationToken ct);
}
