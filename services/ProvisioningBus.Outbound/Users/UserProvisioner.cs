using System.Net;
using Microsoft.Extensions.Options;
using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Core.Leases;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Users;
using ProvisioningBus.State;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// Reconciles one Docusign user to the current state of one PingOne user under one rule. Level-triggered: the
/// event only says which user changed, the PingOne read says what it is now, so redeliveries are harmless; the
/// store lease <c>user:{rule}:{id}</c> keeps two changes of one user from interleaving on any instance.
/// </summary>
public sealed class UserProvisioner(
    IPingOneClient pingOne,
    IDocusignClientProvider docusign,
    IProvisioningStore store,
    ConnectionSwitch connections,
    WorkerInstance instance,
    IOptions<LeaseOptions> leaseTimes,
    TimeProvider time,
    ILogger<UserProvisioner> logger)
{
    public Task<UserProvisioningOutcome> ApplyAsync(CompiledOutboundRule rule, PingOneUserChanged change, CancellationToken cancellationToken) =>
        ApplyAsync(rule, new UserChange(change.UserId, change.Action == DirectoryChangeAction.Deleted, change.RecordedAt, change.UserName), cancellationToken);

    public async Task<UserProvisioningOutcome> ApplyAsync(CompiledOutboundRule rule, UserChange change, CancellationToken cancellationToken)
    {
        var leaseName = LeaseNames.User(rule.Name, change.UserId);
        await using var lease = await HeldLease.AcquireAsync(store.Leases, leaseName, instance.Id, leaseTimes.Value.UserTtl, leaseTimes.Value.UserWait, time, logger, cancellationToken)
            ?? throw new UserLeaseUnavailableException(leaseName);
        using var guarded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        return await ApplyHeldAsync(rule, change, guarded.Token);
    }

    private async Task<UserProvisioningOutcome> ApplyHeldAsync(CompiledOutboundRule rule, UserChange change, CancellationToken ct)
    {
        var link = await store.UserLinks.GetAsync(rule.Name, change.UserId, ct);
        var user = change.Deleted ? null : await pingOne.GetUserAsync(change.UserId, ct);
        var version = user?.UpdatedAt ?? change.RecordedAt;
        if (link is not null && link.SourceVersion > version)
        {
            logger.LogInformation("Rule {Rule}: ignoring a change of PingOne user {PingOneUserId} older than the state already applied", rule.Name, change.UserId);
            return UserProvisioningOutcome.Stale;
        }

        var attributes = user is null ? null : PingOneUserAttributes.From(user);
        var inScope = user is not null && rule.Scope.Includes(user, attributes!);
        var subject = new Subject(rule, change.UserId, user?.Username ?? change.UserName ?? change.UserId, version);
        if (!inScope && link is null)
        {
            // Never provisioned and not in scope: not this rule's business (forget any earlier Unsynced/Skipped entry).
            await store.Ledger.DeleteAsync(rule.Name, EntityKind.User, change.UserId, ct);
            return UserProvisioningOutcome.Skipped;
        }

        if (!connections.IsEnabled(rule.Options.TargetConnection))
        {
            // Mission §2: nothing is written through a disabled connection; re-enabling it runs a full resync.
            await RecordAsync(subject, SyncOutcome.Skipped, "CONNECTION_DISABLED",
                $"Docusign connection '{rule.Options.TargetConnection}' is disabled; the change will be reconciled when it is enabled again.", ct);
            return UserProvisioningOutcome.Skipped;
        }

        var target = docusign.Get(rule.Options.TargetConnection);
        try
        {
            if (!inScope)
            {
                return await DeprovisionAsync(subject, target, link!, ct);
            }

            var mapped = rule.Mapping.Map(attributes!);
            var desired = UserStatusMapping.Decide(mapped.UserStatus);
            if (desired == DesiredUserStatus.NotSupported)
            {
                return await FailAsync(subject, new PermanentFailure(UserStatusMapping.NotSupportedErrorCode, UserStatusMapping.NotSupportedMessage(mapped.UserStatus)), ct);
            }

            var wanted = new WantedUser(mapped, desired, mapped.Hash());
            if (link is not null && string.Equals(link.AppliedHash, wanted.Hash, StringComparison.Ordinal))
            {
                await RecordAsync(subject, SyncOutcome.Success, null, null, ct);
                return UserProvisioningOutcome.Unchanged;
            }

            return link is null
                ? await ProvisionUnlinkedAsync(subject, target, wanted, ct)
                : await ProvisionLinkedAsync(subject, target, link, wanted, ct);
        }
        catch (Exception ex) when (FailureClassifier.Classify(ex) is { IsPermanent: true } failure)
        {
            return await FailAsync(subject, PermanentFailure.From(failure), ct);
        }
    }

    private async Task<UserProvisioningOutcome> ProvisionLinkedAsync(Subject subject, IDocusignAccountClient target, UserLink link, WantedUser wanted, CancellationToken ct)
    {
        if (!subject.Rule.Options.UserActions.UpdateUsers)
        {
            await RecordAsync(subject, SyncOutcome.PartiallySynced, "USER_UPDATES_OFF", "The user changed in PingOne but 'Enable users updation' is off, so Docusign was not updated.", ct);
            return UserProvisioningOutcome.PartiallySynced;
        }

        if (wanted.Status == DesiredUserStatus.Closed)
        {
            await CloseAsync(target, link.DocusignUserId, ct);
            await SaveLinkAsync(subject, link.DocusignUserId, wanted, ct);
            await RecordAsync(subject, SyncOutcome.Success, null, null, ct);
            return UserProvisioningOutcome.Closed;
        }

        DocusignUser updated;
        try
        {
            updated = await target.UpdateUserAsync(ToUpdate(link.DocusignUserId, wanted.User, includeEmail: !EmailEquals(link.Email, wanted.User.Email)), ct);
        }
        catch (DocusignApiException ex) when (ex.IsNotFound)
        {
            // The linked user is gone from the account (removed by an admin): provision as if never linked.
            await store.UserLinks.DeleteAsync(subject.Rule.Name, subject.PingOneUserId, ct);
            return await ProvisionUnlinkedAsync(subject, target, wanted, ct);
        }

        var outcome = UserProvisioningOutcome.Updated;
        var docusignUserId = link.DocusignUserId;
        if (updated.Status == DocusignUserStatus.Closed && wanted.Status == DesiredUserStatus.Active)
        {
            docusignUserId = await ReactivateAsync(target, updated, wanted.User, ct);
            outcome = UserProvisioningOutcome.Reactivated;
        }

        await SaveLinkAsync(subject, docusignUserId, wanted, ct);
        await RecordAsync(subject, SyncOutcome.Success, null, null, ct);
        return outcome;
    }

    private async Task<UserProvisioningOutcome> ProvisionUnlinkedAsync(Subject subject, IDocusignAccountClient target, WantedUser wanted, CancellationToken ct)
    {
        var actions = subject.Rule.Options.UserActions;
        // Docusign identifies users by email: match before creating so that a user who already exists is adopted, never duplicated.
        var existing = await target.FindUserByEmailAsync(wanted.User.Email, ct);
        if (existing is null)
        {
            if (wanted.Status == DesiredUserStatus.Closed)
            {
                // A disabled PingOne user with no Docusign account: the target already matches (no active user).
                await RecordAsync(subject, SyncOutcome.Success, null, null, ct);
                return UserProvisioningOutcome.Skipped;
            }

            if (!actions.CreateUsers)
            {
                return await UnsyncedAsync(subject, ct);
            }

            var result = (await target.CreateUsersAsync([ToNewUser(wanted.User)], ct))[0];
            if (result.Error is null && result.UserId is { } createdId)
            {
                await SaveLinkAsync(subject, createdId, wanted, ct);
                await RecordAsync(subject, SyncOutcome.Success, null, null, ct);
                logger.LogInformation("Rule {Rule}: created Docusign user {DocusignUserId} for PingOne user {PingOneUserId}", subject.Rule.Name, createdId, subject.PingOneUserId);
                return UserProvisioningOutcome.Created;
            }

            if (!result.AlreadyExists)
            {
                return await FailAsync(subject, PermanentFailure.From(result.Error ?? new DocusignError(null, "Docusign returned no userId for the new user.")), ct);
            }

            // USER_ALREADY_EXISTS_IN_ACCOUNT: it appeared since the lookup. Adopt it; the failed item's userId is unverified (fact sheet §1.2), so look it up.
            existing = (result.UserId is { } id ? await target.GetUserAsync(id, ct) : null)
                ?? await target.FindUserByEmailAsync(wanted.User.Email, ct)
                ?? throw new InvalidOperationException("Docusign reported USER_ALREADY_EXISTS_IN_ACCOUNT but no user with that email can be read; retrying.");
        }

        if (existing.Status == DocusignUserStatus.Closed && wanted.Status != DesiredUserStatus.Closed)
        {
            if (!actions.CreateUsers)
            {
                return await UnsyncedAsync(subject, ct);
            }

            var reactivatedId = await ReactivateAsync(target, existing, wanted.User, ct);
            await SaveLinkAsync(subject, reactivatedId, wanted, ct);
            await RecordAsync(subject, SyncOutcome.Success, null, null, ct);
            return UserProvisioningOutcome.Reactivated;
        }

        var differs = wanted.Status == DesiredUserStatus.Closed ? existing.Status != DocusignUserStatus.Closed : Differs(existing, wanted.User);
        if (differs && !actions.UpdateUsers)
        {
            // Linked, but what Docusign has is not what PingOne says; an empty hash makes the next change compare again.
            await SaveLinkAsync(subject, existing.UserId, wanted with { Hash = string.Empty }, ct);
            await RecordAsync(subject, SyncOutcome.PartiallySynced, "USER_UPDATES_OFF", "An existing Docusign user was linked by email but 'Enable users updation' is off, so its attributes were not updated.", ct);
            return UserProvisioningOutcome.PartiallySynced;
        }

        if (differs && wanted.Status == DesiredUserStatus.Closed)
        {
            await CloseAsync(target, existing.UserId, ct);
        }
        else if (differs)
        {
            await target.UpdateUserAsync(ToUpdate(existing.UserId, wanted.User, includeEmail: false), ct);
        }

        await SaveLinkAsync(subject, existing.UserId, wanted, ct);
        await RecordAsync(subject, SyncOutcome.Success, null, null, ct);
        logger.LogInformation("Rule {Rule}: adopted Docusign user {DocusignUserId} for PingOne user {PingOneUserId}", subject.Rule.Name, existing.UserId, subject.PingOneUserId);
        return UserProvisioningOutcome.Adopted;
    }

    private async Task<UserProvisioningOutcome> DeprovisionAsync(Subject subject, IDocusignAccountClient target, UserLink link, CancellationToken ct)
    {
        if (subject.Rule.Options.UserActions.DeprovisionUsers)
        {
            // RemoveAction Delete: Docusign closes users, it never erases them. Disable was rejected at start-up.
            await CloseAsync(target, link.DocusignUserId, ct);
        }

        await store.UserLinks.DeleteAsync(subject.Rule.Name, subject.PingOneUserId, ct);
        await store.Ledger.DeleteAsync(subject.Rule.Name, EntityKind.User, subject.PingOneUserId, ct);
        return subject.Rule.Options.UserActions.DeprovisionUsers ? UserProvisioningOutcome.Closed : UserProvisioningOutcome.Skipped;
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
    /// Docusign reactivates a closed user when the same userName + email is POSTed again; whether the userId stays is
    /// undocumented (fact sheet §1.7), so the id is taken from the answer and the link follows it.
    /// </summary>
    private static async Task<string> ReactivateAsync(IDocusignAccountClient target, DocusignUser closed, MappedDocusignUser wanted, CancellationToken ct)
    {
        var request = ToNewUser(wanted) with { UserName = closed.UserName ?? wanted.UserName, Email = closed.Email ?? wanted.Email };
        var result = (await target.CreateUsersAsync([request], ct))[0];
        if (result.Error is not null && !result.AlreadyExists)
        {
            throw new DocusignApiException(HttpStatusCode.BadRequest, result.Error.ErrorCode, result.Error.Message, "POST", "/users");
        }

        var id = result.UserId ?? (await target.FindUserByEmailAsync(request.Email, ct))?.UserId
            ?? throw new InvalidOperationException("Docusign reactivated a user but returned no userId and none can be found by email; retrying.");
        if (!string.Equals(request.UserName, wanted.UserName, StringComparison.Ordinal))
        {
            await target.UpdateUserAsync(ToUpdate(id, wanted, includeEmail: false), ct);
        }

        return id;
    }

    private async Task<UserProvisioningOutcome> UnsyncedAsync(Subject subject, CancellationToken ct)
    {
        await RecordAsync(subject, SyncOutcome.Unsynced, "USER_CREATION_OFF", "The user is in scope but 'Enable users creation' is off, so it was not created in Docusign.", ct);
        return UserProvisioningOutcome.Unsynced;
    }

    private async Task<UserProvisioningOutcome> FailAsync(Subject subject, PermanentFailure failure, CancellationToken ct)
    {
        logger.LogWarning("Rule {Rule}: PingOne user {PingOneUserId} failed permanently: {ErrorCode} {ErrorMessage}",
            subject.Rule.Name, subject.PingOneUserId, failure.ErrorCode, failure.Message);
        await RecordAsync(subject, SyncOutcome.Failed, failure.ErrorCode, failure.Message, ct);
        return UserProvisioningOutcome.Failed;
    }

    private async Task SaveLinkAsync(Subject subject, string docusignUserId, WantedUser wanted, CancellationToken ct)
    {
        var link = new UserLink(subject.Rule.Name, subject.PingOneUserId, docusignUserId, wanted.User.Email, wanted.Hash, subject.Version, time.GetUtcNow());
        if (!await store.UserLinks.UpsertAsync(link, ct))
        {
            logger.LogInformation("Rule {Rule}: a newer state of PingOne user {PingOneUserId} was stored meanwhile; keeping it", subject.Rule.Name, subject.PingOneUserId);
        }
    }

    private async Task RecordAsync(Subject subject, SyncOutcome outcome, string? errorCode, string? errorMessage, CancellationToken ct) =>
        await store.Ledger.RecordAsync(
            new EntityOutcome(subject.Rule.Name, EntityKind.User, subject.PingOneUserId, subject.DisplayName, outcome, errorCode, errorMessage, time.GetUtcNow()),
            ct);

    internal static bool Differs(DocusignUser existing, MappedDocusignUser wanted) =>
        !TextEquals(existing.UserName, wanted.UserName)
        || !TextEquals(existing.FirstName, wanted.FirstName)
        || !TextEquals(existing.LastName, wanted.LastName)
        || !TextEquals(existing.JobTitle, wanted.JobTitle);

    internal static NewDocusignUser ToNewUser(MappedDocusignUser mapped) => new(mapped.UserName, mapped.Email)
    {
        FirstName = mapped.FirstName,
        LastName = mapped.LastName,
        JobTitle = mapped.JobTitle,
    };

    internal static DocusignUserUpdate ToUpdate(string docusignUserId, MappedDocusignUser mapped, bool includeEmail) => new(docusignUserId)
    {
        UserName = mapped.UserName,
        Email = includeEmail ? mapped.Email : null,
        // Empty rather than null: the update sends only non-null fields, and a cleared PingOne title must clear Docusign's.
        FirstName = mapped.FirstName ?? string.Empty,
        LastName = mapped.LastName ?? string.Empty,
        JobTitle = mapped.JobTitle ?? string.Empty,
    };

    private static bool TextEquals(string? a, string? b) => string.Equals(a ?? string.Empty, b ?? string.Empty, StringComparison.Ordinal);

    private static bool EmailEquals(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private sealed record Subject(CompiledOutboundRule Rule, string PingOneUserId, string DisplayName, DateTimeOffset Version);

    private sealed record WantedUser(MappedDocusignUser User, DesiredUserStatus Status, string Hash);
}
