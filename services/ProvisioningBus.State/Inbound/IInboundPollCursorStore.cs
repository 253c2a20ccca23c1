namespace ProvisioningBus.State.Inbound;

/// <summary>The incremental poll's cursor per inbound rule (one row a rule).</summary>
public interface IInboundPollCursorStore
{
    Task<InboundPollCursor?> GetAsync(string rule, CancellationToken ct);

    /// <summary>Inserts or replaces the rule's cursor.</summary>
    Task UpsertAsync(InboundPollCursor cursor, CancellationToken ct);

    Task<bool> DeleteAsync(string rule, CancellationToken ct);
}
