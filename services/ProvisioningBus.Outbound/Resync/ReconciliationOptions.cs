namespace ProvisioningBus.Outbound.Resync;

/// <summary>
/// The outbound periodic reconciliation: PingOne drops webhook events after days of failed delivery and any event can
/// be lost, so every rule gets a full resync this often, at background priority. Bound from <c>Outbound:Reconciliation</c>.
/// </summary>
public sealed class ReconciliationOptions
{
    public const string SectionName = "Outbound:Reconciliation";

    public bool Enabled { get; set; } = true;

    /// <summary>How long after a rule's last full sync (of any kind) the next one is due.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The share of the Docusign account's budget the reconciliation leaves to live changes, from 0 to below 1.</summary>
    public double LiveReserve { get; set; } = 0.5;
}
