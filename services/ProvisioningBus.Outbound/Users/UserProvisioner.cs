using System.Net;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Docusign;
using ProvisioningBus.State;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// Executes one decided action for one user, one Docusign call at a time: what a batch
/// (<see cref="UserBatchProvisioner"/>) hands over because it needs a follow-up read or write of its own — adopting the
/// user Docusign said already exists, reopening a closed account, an update of a user gone from Docusign, an email
/// lookup. The caller holds the user's lease.
/// </summary>
public sealed class UserProvisioner(IProvisioningStore store, TimeProvider time, ILogger<UserProvisioner> logger)
{
    public async Task<UserProvisioningOutcome> ExecuteAsync(UserSubject subject, IDocusignAccountClient target, UserLink? link, OutboundUserAction action, CancellationToken ct)
    {
        try
        {
            if (action.Kind == OutboundUserActionKind.LookUpByEmail)
            {
                // Docusign identifies users by email: match before creating so that a user who already exists is adopted, never duplicated.
                action = await DecideAfterLookupAsync(subject, target, null, ct);
            }

            return await ExecuteCoreAsync(subject, target, link, action, ct);
        }
        catch (Exception ex) when (FailureClassifier.Classify(ex) is { IsPermanent: true } failure)
        {
            return await FailAsync(subject, failure.ErrorCode, failure.Message, ct, action);
        }
    }

    /// <summary>A create answered USER_ALREADY_EXISTS_IN_ACCOUNT: the existing user is read and adopted.</summary>
    public async Task<UserProvisioningOutcome> AdoptExistingAsync(UserSubject subject, IDocusignAccountClient target, DocusignUserCreateResult result, CancellationToken ct)
    {
        try
        {
            // The failed item's userId is unverified (fact sheet §1.2), so it is read, and the email looked up if it does not answer.
            var existing = (result.UserId is { } id ? await target.GetUserAsync(id, ct) : null)
                ?? await target.FindUserByEmailAsync(result.Request.Email, ct)
                ?? throw new InvalidOperationException("Docusign reported USER_ALREADY_EXISTS_IN_ACCOUNT but no user with that email can be read; retrying.");
            return await ExecuteCoreAsync(subject, target, null, OutboundUserDecision.Decide(subject.Rule, subject.User, null, DocusignUserLookup.Of(existing)), ct);
        }
        catch (Exception ex) when (FailureClassifier.Classify(ex) is { IsPermanent: true } failure)
        {
            return await FailAsync(subject, failure.ErrorCode, failure.Message, ct);
        }
    }

    private async Task<UserProvisioningOutcome> ExecuteCoreAsync(UserSubject subject, IDocusignAccountClient target, UserLink? link, OutboundUserAction action, CancellationToken ct)
    {
        switch (action.Kind)
        {
            case OutboundUserActionKind.Unlink:
            case OutboundUserActionKind.Deprovision:
                if (action.Kind == OutboundUserActionKind.Deprovision)
                {
                    await CloseAsync(target, action.DocusignUserId!, ct);
                }

                await store.UserLinks.DeleteAsync(subject.Rule.Name, subject.PingOneUserId, ct);
                var left = action.Kind == OutboundUserActionKind.Deprovision ? UserProvisioningOutcome.Closed : UserProvisioningOutcome.Skipped;
                await store.Ledger.ForgetManyAsync(
                    [UserChangeDetail.Outcome(subject, left == UserProvisioningOutcome.Closed ? SyncOutcome.Success : SyncOutcome.Skipped, null, null, left, action, time.GetUtcNow())], ct);
                return left;
            case OutboundUserActionKind.Fail:
                return await FailAsync(subject, action.ErrorCode!, action.Reason!, ct, action);
            case OutboundUserActionKind.Skip:
            case OutboundUserActionKind.Unchanged:
            case OutboundUserActionKind.Adopt:
                return await SettleAsync(subject, action, ct);
            case OutboundUserActionKind.Create:
                return await CreateAsync(subject, target, action, ct);
            case OutboundUserActionKind.Close:
                await CloseAsync(target, action.DocusignUserId!, ct);
                return await SucceedAsync(subject, action.DocusignUserId!, action, action.Adopts ? UserProvisioningOutcome.Adopted : UserProvisioningOutcome.Closed, ct);
            case OutboundUserActionKind.Update:
                return await UpdateAsync(subject, target, link, action, ct);
            case OutboundUserActionKind.Reactivate:
                var reactivatedId = await ReactivateAsync(target, action, ct);
                return await SucceedAsync(subject, reactivatedId, action, UserProvisioningOutcome.Reactivated, ct);
            default:
                throw new InvalidOperationException($"The outbound user decision {action.Kind} cannot be executed by the event path.");
        }
    }

    private async Task<UserProvisioningOutcome> SettleAsync(UserSubject subject, OutboundUserAction action, CancellationToken ct)
    {
        if (action.DocusignUserId is { } docusignUserId)
        {
            await SaveLinkAsync(subject, docusignUserId, action, ct);
        }

        var result = action switch
        {
            { Kind: OutboundUserActionKind.Adopt } => UserProvisioningOutcome.Adopted,
            { Outcome: SyncOutcome.Unsynced } => UserProvisioningOutcome.Unsynced,
            { Outcome: SyncOutcome.PartiallySynced } => UserProvisioningOutcome.PartiallySynced,
            _ => UserProvisioningOutcome.Unchanged,
        };
        await RecordAsync(subject, action.Outcome, action.ErrorCode, action.Reason, result, action, ct);
        if (action.Kind == OutboundUserActionKind.Adopt)
        {
            logger.LogInformation("Rule {Rule}: adopted Docusign user {DocusignUserId} for PingOne user {PingOneUserId}", subject.Rule.Name, action.DocusignUserId, subject.PingOneUserId);
        }

        return result;
    }

    private async Task<UserProvisioningOutcome> CreateAsync(UserSubject subject, IDocusignAccountClient target, OutboundUserAction action, CancellationToken ct)
    {
        var result = (await target.CreateUsersAsync([action.NewUser!], ct))[0];
        if (result.Error is null && result.UserId is { } createdId)
        {
            logger.LogInformation("Rule {Rule}: created Docusign user {DocusignUserId} for PingOne user {PingOneUserId}", subject.Rule.Name, createdId, subject.PingOneUserId);
            return await SucceedAsync(subject, createdId, action, UserProvisioningOutcome.Created, ct);
        }

        if (!result.AlreadyExists)
        {
            var failure = PermanentFailure.From(result.Error ?? new DocusignError(null, "Docusign returned no userId for the new user."));
            return await FailAsync(subject, failure.ErrorCode, failure.Message, ct, action);
        }

        // USER_ALREADY_EXISTS_IN_ACCOUNT: it appeared since the lookup.
        return await AdoptExistingAsync(subject, target, result, ct);
    }

    private async Task<UserProvisioningOutcome> UpdateAsync(UserSubject subject, IDocusignAccountClient target, UserLink? link, OutboundUserAction action, CancellationToken ct)
    {
        DocusignUser updated;
        try
        {
            updated = await target.UpdateUserAsync(action.Update!, ct);
        }
        catch (DocusignApiException ex) when (ex.IsNotFound && link is not null)
        {
            // The linked user is gone from the account (removed by an admin): provision as if never linked.
            await store.UserLinks.DeleteAsync(subject.Rule.Name, subject.PingOneUserId, ct);
            return await ExecuteCoreAsync(subject, target, null, await DecideAfterLookupAsync(subject, target, action.Wanted!, ct), ct);
        }

        // The answer is the first read of a linked user: asked again with it, the decision may find the account closed and reopen it.
        var after = OutboundUserDecision.Decide(subject.Rule, subject.User, link, DocusignUserLookup.Of(updated));
        if (after.Kind == OutboundUserActionKind.Reactivate)
        {
            var reactivatedId = await ReactivateAsync(target, after, ct);
            return await SucceedAsync(subject, reactivatedId, action, UserProvisioningOutcome.Reactivated, ct);
        }

        return await SucceedAsync(subject, action.DocusignUserId!, action, action.Adopts ? UserProvisioningOutcome.Adopted : UserProvisioningOutcome.Updated, ct);
    }

    private async Task<OutboundUserAction> DecideAfterLookupAsync(UserSubject subject, IDocusignAccountClient target, WantedDocusignUser? wanted, CancellationToken ct)
    {
        wanted ??= OutboundUserDecision.Decide(subject.Rule, subject.User, null, DocusignUserLookup.NotDone).Wanted!;
        var existing = await target.FindUserByEmailAsync(wanted.User.Email, ct);
        return OutboundUserDecision.Decide(subject.Rule, subject.User, null, DocusignUserLookup.Of(existing));
    }

    private async Task<UserProvisioningOutcome> SucceedAsync(UserSubject subject, string docusignUserId, OutboundUserAction action, UserProvisioningOutcome outcome, CancellationToken ct)
    {
        await SaveLinkAsync(subject, docusignUserId, action, ct);
        await RecordAsync(subject, SyncOutcome.Success, null, null, outcome, action, ct);
        if (action.Adopts)
        {
            logger.LogInformation("Rule {Rule}: adopted Docusign user {DocusignUserId} for PingOne user {PingOneUserId}", subject.Rule.Name, docusignUserId, subject.PingOneUserId);
        }

        return outcome;
    }

    private static async Task CloseAsync(IDocusignAccountClient target, string docusignUserId, CancellationToken ct)
    {
        var result = (await target.CloseUsersAsync([docusignUserId], ct))[0];
        if (result.Error is { } error && !DocusignErrorCodes.IsNotFound(error.ErrorCode))
        {
            throw new DocusignApiException(HttpStatusCode.BadRequest, error.ErrorCode, error.Message, "DELETE", "/users");
        }
    }

    /// <summary>
    /// Re-POSTs the closed user the decision named; whether the userId stays is undocumented (fact sheet §1.7), so the
    /// id is taken from the answer and the link follows it.
    /// </summary>
    private static async Task<string> ReactivateAsync(IDocusignAccountClient target, OutboundUserAction action, CancellationToken ct)
    {
        var request = action.NewUser!;
        var wanted = action.Wanted!.User;
        var result = (await target.CreateUsersAsync([request], ct))[0];
        if (result.Error is not null && !result.AlreadyExists)
        {
            throw new DocusignApiException(HttpStatusCode.BadRequest, result.Error.ErrorCode, result.Error.Message, "POST", "/users");
        }

        var id = result.UserId ?? (await target.FindUserByEmailAsync(request.Email, ct))?.UserId
            ?? throw new InvalidOperationException("Docusign reactivated a user but returned no userId and none can be found by email; retrying.");
        if (!string.Equals(request.UserName, wanted.UserName, StringComparison.Ordinal))
        {
            await target.UpdateUserAsync(DocusignUserRequests.Update(id, wanted, includeEmail: false), ct);
        }

        return id;
    }

    private async Task<UserProvisioningOutcome> FailAsync(UserSubject subject, string errorCode, string errorMessage, CancellationToken ct, OutboundUserAction? action = null)
    {
        logger.LogWarning("Rule {Rule}: PingOne user {PingOneUserId} failed permanently: {ErrorCode} {ErrorMessage}",
            subject.Rule.Name, subject.PingOneUserId, errorCode, errorMessage);
        await RecordAsync(subject, SyncOutcome.Failed, errorCode, errorMessage, UserProvisioningOutcome.Failed, action, ct);
        return UserProvisioningOutcome.Failed;
    }

    private async Task SaveLinkAsync(UserSubject subject, string docusignUserId, OutboundUserAction action, CancellationToken ct)
    {
        var link = new UserLink(subject.Rule.Name, subject.PingOneUserId, docusignUserId, action.Wanted!.User.Email, action.LinkHash, subject.Version, time.GetUtcNow());
        if (!await store.UserLinks.UpsertAsync(link, ct))
        {
            logger.LogInformation("Rule {Rule}: a newer state of PingOne user {PingOneUserId} was stored meanwhile; keeping it", subject.Rule.Name, subject.PingOneUserId);
        }
    }

    private async Task RecordAsync(
        UserSubject subject, SyncOutcome outcome, string? errorCode, string? errorMessage, UserProvisioningOutcome result, OutboundUserAction? action, CancellationToken ct) =>
        await store.Ledger.RecordAsync(UserChangeDetail.Outcome(subject, outcome, errorCode, errorMessage, result, action, time.GetUtcNow()), ct);
}
