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
    private readonly List<string> forgotten = [];

    public Dictionary<string, UserProvisioningOutcome> Outcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>Linked users closed and forgotten by this batch (left the scope, or deleted in PingOne).</summary>
    public IEnumerable<string> Deprovisioned => forgotten.Where(user => Outcomes[user] == UserProvisioningOutcome.Closed);

    public void Succeed(UserSubject subject, string docusignUserId, OutboundUserAction action, UserProvisioningOutcome outcome)
    {
        Link(subject, docusignUserId, action);
        Record(subject, SyncOutcome.Success, null, null, outcome);
    }

    public void Link(UserSubject subject, string docusignUserId, OutboundUserAction action) =>
        links.Add(new UserLink(rule, subject.PingOneUserId, docusignUserId, action.Wanted!.User.Email, action.LinkHash, subject.Version, time.GetUtcNow()));

    public void Record(UserSubject subject, SyncOutcome outcome, string? errorCode, string? errorMessage, UserProvisioningOutcome result)
    {
        outcomes.Add(new EntityOutcome(rule, EntityKind.User, subject.PingOneUserId, subject.DisplayName, outcome, errorCode, errorMessage, time.GetUtcNow()));
        Outcomes[subject.PingOneUserId] = result;
    }

    /// <summary>The rule no longer has anything to do with the user: link and ledger entry go.</summary>
    public void Forget(UserSubject subject, UserProvisioningOutcome result)
    {
        forgotten.Add(subject.PingOneUserId);
        Outcomes[subject.PingOneUserId] = result;
    }

    public async Task FlushAsync(IProvisioningStore store, CancellationToken ct)
    {
        // Links before outcomes: a crash in between leaves a linked user without its Success, which the retry records.
        await store.UserLinks.UpsertManyAsync(links, ct);
        await store.Ledger.RecordManyAsync(outcomes, ct);
        await store.UserLinks.DeleteManyAsync(rule, forgotten, ct);
        await store.Ledger.DeleteManyAsync(rule, EntityKind.User, forgotten, ct);
    }
}
