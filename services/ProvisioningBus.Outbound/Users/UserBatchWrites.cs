using ProvisioningBus.State;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// The store writes of one batch, gathered while its Docusign calls are answered and written in three statements at the
/// end (links, ledger outcomes, forgotten users) instead of two per user.
/// </summary>
internal sealed class UserBatchWrites(string rule, TimeProvider time)
{
    private readonly List<UserLink> links = [];
    private readonly List<EntityOutcome> outcomes = [];
    private readonly List<EntityOutcome> forgotten = [];

    public Dictionary<string, UserProvisioningOutcome> Outcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>Linked users closed and forgotten by this batch (left the scope, or deleted in PingOne).</summary>
    public IEnumerable<string> Deprovisioned =>
        forgotten.Select(user => user.EntityId).Where(user => Outcomes[user] == UserProvisioningOutcome.Closed);

    public void Succeed(UserSubject subject, string docusignUserId, OutboundUserAction action, UserProvisioningOutcome outcome)
    {
        Link(subject, docusignUserId, action);
        Record(subject, SyncOutcome.Success, null, null, outcome, action);
    }

    public void Link(UserSubject subject, string docusignUserId, OutboundUserAction action) =>
        links.Add(new UserLink(rule, subject.PingOneUserId, docusignUserId, action.Wanted!.User.Email, action.LinkHash, subject.Version, time.GetUtcNow()));

    /// <param name="action">The decision being applied, when one was made: the log names its action and attributes.</param>
    public void Record(UserSubject subject, SyncOutcome outcome, string? errorCode, string? errorMessage, UserProvisioningOutcome result, OutboundUserAction? action = null)
    {
        outcomes.Add(UserChangeDetail.Outcome(subject, outcome, errorCode, errorMessage, result, action, time.GetUtcNow()));
        Outcomes[subject.PingOneUserId] = result;
    }

    /// <summary>The rule no longer has anything to do with the user: link and ledger entry go; the log keeps why.</summary>
    /// <param name="reason">Why nothing was written, when nothing was (out of scope, not found, deprovisioning off).</param>
    public void Forget(UserSubject subject, UserProvisioningOutcome result, OutboundUserAction? action = null, string? reason = null)
    {
        var outcome = result == UserProvisioningOutcome.Closed ? SyncOutcome.Success : SyncOutcome.Skipped;
        forgotten.Add(UserChangeDetail.Outcome(subject, outcome, null, reason, result, action, time.GetUtcNow()));
        Outcomes[subject.PingOneUserId] = result;
    }

    public async Task FlushAsync(IProvisioningStore store, CancellationToken ct)
    {
        // Links before outcomes: a crash in between leaves a linked user without its Success, which the retry records.
        await store.UserLinks.UpsertManyAsync(links, ct);
        await store.Ledger.RecordManyAsync(outcomes, ct);
        await store.UserLinks.DeleteManyAsync(rule, [.. forgotten.Select(user => user.EntityId)], ct);
        await store.Ledger.ForgetManyAsync(forgotten, ct);
    }
}
