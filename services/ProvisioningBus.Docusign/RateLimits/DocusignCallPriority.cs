namespace ProvisioningBus.Docusign;

/// <summary>
/// How much of the account's shared budget a call may use (<see cref="DocusignAccountBudgetPolicy"/>). Live work (a
/// change someone is waiting for) may use all of it; background work (the inbound poll) leaves <see cref="LiveReserve"/>
/// of each window to live work. Carried by the calling flow, so a client shared by both needs no second instance.
/// </summary>
/// <param name="LiveReserve">The fraction of each window background work leaves free, 0 (none) to below 1.</param>
public sealed record DocusignCallPriority(double LiveReserve)
{
    private static readonly AsyncLocal<DocusignCallPriority?> s_current = new();

    public static DocusignCallPriority Live { get; } = new(0);

    /// <summary>The priority of Docusign calls made by the current flow; <see cref="Live"/> unless a scope says otherwise.</summary>
    public static DocusignCallPriority Current => s_current.Value ?? Live;

    public bool IsBackground => LiveReserve > 0;

    /// <summary>Within the returned scope, this flow's Docusign calls are background work leaving <paramref name="liveReserve"/> to live work.</summary>
    public static IDisposable Background(double liveReserve)
    {
        if (liveReserve is < 0 or >= 1 || double.IsNaN(liveReserve))
        {
            throw new ArgumentOutOfRangeException(nameof(liveReserve), liveReserve, "The live reserve is a fraction from 0 to below 1.");
        }

        var previous = s_current.Value;
        s_current.Value = new DocusignCallPriority(liveReserve);
        return new Restore(previous);
    }

    private sealed class Restore(DocusignCallPriority? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
