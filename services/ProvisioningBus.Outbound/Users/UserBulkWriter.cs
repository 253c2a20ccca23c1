using ProvisioningBus.Core.Failures;
using ProvisioningBus.Docusign;
using ProvisioningBus.State.Ledger;
using Pending = ProvisioningBus.Outbound.Users.UserBatchProvisioner.Pending;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// The Docusign writes of one decided batch: every create in one <c>POST /users</c>, every update in one
/// <c>PUT /users</c>, every close in one <c>DELETE /users</c>, each answer matched per item. What needs a follow-up of
/// its own (adopting a user Docusign says exists, reopening a closed account, an update Docusign could not apply) goes
/// to <see cref="UserProvisioner"/> one user at a time; in steady state that is none of them.
/// </summary>
internal sealed class UserBulkWriter(IDocusignAccountClient target, UserProvisioner oneByOne, DocusignAccountDirectory directory, UserBatchWrites writes, ILogger logger)
{
    private readonly List<Func<CancellationToken, Task<(string User, UserProvisioningOutcome Outcome)>>> followUps = [];

    public async Task WriteAsync(IReadOnlyList<Pending> work, CancellationToken ct)
    {
        var creates = new List<Pending>();
        var updates = new List<Pending>();
        var closes = new List<Pending>();
        foreach (var item in work)
        {
            var (subject, action) = (item.Subject, item.Action);
            switch (action.Kind)
            {
                case OutboundUserActionKind.Fail:
                    writes.Record(subject, SyncOutcome.Failed, action.ErrorCode, action.Reason, UserProvisioningOutcome.Failed, action);
                    break;
                case OutboundUserActionKind.Skip:
                case OutboundUserActionKind.Unchanged:
                case OutboundUserActionKind.Adopt:
                    Settle(item);
                    break;
                case OutboundUserActionKind.Unlink:
                    writes.Forget(subject, UserProvisioningOutcome.Skipped, action, "Left the rule's scope; 'Enable users deprovision' is off, so the Docusign user stays and only the link goes.");
                    break;
                case OutboundUserActionKind.Create:
                    creates.Add(item);
                    break;
                case OutboundUserActionKind.Update:
                    updates.Add(item);
                    break;
                case OutboundUserActionKind.Close:
                case OutboundUserActionKind.Deprovision:
                    closes.Add(item);
                    break;
                default:
                    FollowUp(item, (s, ct) => s.ExecuteAsync(item.Subject, target, item.Link, item.Action, ct));
                    break;
            }
        }

        await BulkAsync(creates, CreateAsync, ct);
        await BulkAsync(updates, UpdateAsync, ct);
        await BulkAsync(closes, CloseAsync, ct);
        await RunFollowUpsAsync(ct);
        logger.LogInformation(
            "Docusign connection {Connection}: applied {Users} user changes with {Creates} creates, {Updates} updates, {Closes} closes in bulk and {FollowUps} one by one",
            target.ConnectionName, work.Count, creates.Count, updates.Count, closes.Count, followUps.Count);
    }

    private void Settle(Pending item)
    {
        var (subject, action) = (item.Subject, item.Action);
        if (action.DocusignUserId is { } docusignUserId)
        {
            writes.Link(subject, docusignUserId, action);
        }

        var outcome = action switch
        {
            { Kind: OutboundUserActionKind.Adopt } => UserProvisioningOutcome.Adopted,
            { Outcome: SyncOutcome.Unsynced } => UserProvisioningOutcome.Unsynced,
            { Outcome: SyncOutcome.PartiallySynced } => UserProvisioningOutcome.PartiallySynced,
            _ => UserProvisioningOutcome.Unchanged,
        };
        writes.Record(subject, action.Outcome, action.ErrorCode, action.Reason, outcome, action);
    }

    private async Task CreateAsync(IReadOnlyList<Pending> creates, CancellationToken ct)
    {
        var results = await target.CreateUsersAsync([.. creates.Select(item => item.Action.NewUser!)], ct);
        for (var i = 0; i < results.Count; i++)
        {
            var (item, result) = (creates[i], results[i]);
            if (result.Error is null && result.UserId is { } createdId)
            {
                directory.Remember(target.ConnectionName, new DocusignUser { UserId = createdId, Email = result.Request.Email, UserName = result.Request.UserName, Status = result.Status });
                writes.Succeed(item.Subject, createdId, item.Action, UserProvisioningOutcome.Created);
            }
            else if (result.AlreadyExists)
            {
                // It appeared since it was matched (another process, or an admin): adopt it.
                FollowUp(item, (s, ct) => s.AdoptExistingAsync(item.Subject, target, result, ct));
            }
            else
            {
                var failure = PermanentFailure.From(result.Error ?? new DocusignError(null, "Docusign returned no userId for the new user."));
                writes.Record(item.Subject, SyncOutcome.Failed, failure.ErrorCode, failure.Message, UserProvisioningOutcome.Failed, item.Action);
            }
        }
    }

    private async Task UpdateAsync(IReadOnlyList<Pending> updates, CancellationToken ct)
    {
        var results = ById(await target.UpdateUsersAsync([.. updates.Select(item => item.Action.Update!)], ct));
        foreach (var item in updates)
        {
            var result = results.GetValueOrDefault(item.Action.DocusignUserId!);
            var reopen = result?.Status == DocusignUserStatus.Closed && item.Action.Wanted!.Status != DesiredUserStatus.Closed;
            if (result?.Error is { } error && !DocusignErrorCodes.IsNotFound(error.ErrorCode))
            {
                var failure = PermanentFailure.From(error);
                writes.Record(item.Subject, SyncOutcome.Failed, failure.ErrorCode, failure.Message, UserProvisioningOutcome.Failed, item.Action);
            }
            else if (result?.Error is not null || reopen)
            {
                // Gone from the account, or closed there: the one-by-one path re-reads it and recreates or reopens it.
                FollowUp(item, (s, ct) => s.ExecuteAsync(item.Subject, target, item.Link, item.Action, ct));
            }
            else
            {
                writes.Succeed(item.Subject, item.Action.DocusignUserId!, item.Action, item.Action.Adopts ? UserProvisioningOutcome.Adopted : UserProvisioningOutcome.Updated);
            }
        }
    }

    private async Task CloseAsync(IReadOnlyList<Pending> closes, CancellationToken ct)
    {
        var results = ById(await target.CloseUsersAsync([.. closes.Select(item => item.Action.DocusignUserId!)], ct));
        foreach (var item in closes)
        {
            if (results.GetValueOrDefault(item.Action.DocusignUserId!)?.Error is { } error && !DocusignErrorCodes.IsNotFound(error.ErrorCode))
            {
                // The link stays, so the next change or resync tries the close again.
                var failure = PermanentFailure.From(error);
                writes.Record(item.Subject, SyncOutcome.Failed, failure.ErrorCode, failure.Message, UserProvisioningOutcome.Failed, item.Action);
            }
            else if (item.Action.Kind == OutboundUserActionKind.Deprovision)
            {
                writes.Forget(item.Subject, UserProvisioningOutcome.Closed, item.Action);
            }
            else
            {
                writes.Succeed(item.Subject, item.Action.DocusignUserId!, item.Action, item.Action.Adopts ? UserProvisioningOutcome.Adopted : UserProvisioningOutcome.Closed);
            }
        }
    }

    /// <summary>One bulk call in chunks of Docusign's limit; a call refused as a whole for good fails its users, anything else is retried.</summary>
    private async Task BulkAsync(List<Pending> items, Func<IReadOnlyList<Pending>, CancellationToken, Task> call, CancellationToken ct)
    {
        foreach (var chunk in items.Chunk(UserBatchOptions.MaxBatchMessageLimit))
        {
            try
            {
                await call(chunk, ct);
            }
            catch (Exception ex) when (FailureClassifier.Classify(ex) is { IsPermanent: true } failure)
            {
                foreach (var item in chunk)
                {
                    writes.Record(item.Subject, SyncOutcome.Failed, failure.ErrorCode, failure.Message, UserProvisioningOutcome.Failed, item.Action);
                }
            }
        }
    }

    private void FollowUp(Pending item, Func<UserProvisioner, CancellationToken, Task<UserProvisioningOutcome>> execute) =>
        followUps.Add(async ct => (item.Subject.PingOneUserId, await execute(oneByOne, ct)));

    private async Task RunFollowUpsAsync(CancellationToken ct)
    {
        var done = new List<(string User, UserProvisioningOutcome Outcome)>();
        await Parallel.ForEachAsync(followUps, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (followUp, token) =>
        {
            var result = await followUp(token);
            lock (done)
            {
                done.Add(result);
            }
        });
        foreach (var (user, outcome) in done)
        {
            writes.Outcomes[user] = outcome;
        }
    }

    private static Dictionary<string, DocusignUserChangeResult> ById(IReadOnlyList<DocusignUserChangeResult> results) =>
        results.GroupBy(result => result.UserId, StringComparer.OrdinalIgnoreCase).ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
}
