using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Users;
using ProvisioningBus.ServiceDefaults;
using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Inbound.Users;

/// <summary>
/// Reconciles one PingOne user with one Docusign user under one inbound rule. Level-triggered on the event's attributes:
/// a redelivered or republished difference finds the link (or the externalId) and changes nothing twice.
/// Only users in <see cref="IInboundLinkStore"/> for this rule are ever updated or deleted.
/// </summary>
public sealed class InboundUserApplier(
    IPingOneClient pingOne,
    IInboundLinkStore links,
    ISyncLedger ledger,
    TimeProvider time,
    ILogger<InboundUserApplier> logger)
{
    /// <param name="user">The user's attributes now; null when it disappeared from the rule's snapshot.</param>
    /// <param name="eventId">The id of the snapshot difference's message, for the provisioning log.</param>
    public Task<InboundUserOutcome> ApplyAsync(CompiledInboundRule rule, string docusignUserId, DocusignUserAttributes? user, string? eventId, CancellationToken ct) =>
        ChangeTelemetry.TraceAsync("provisioning.inbound_user", rule.Name, docusignUserId, () => ApplyUntracedAsync(rule, docusignUserId, user, eventId, ct), InboundUserChangeTelemetry.Describe);

    private async Task<InboundUserOutcome> ApplyUntracedAsync(CompiledInboundRule rule, string docusignUserId, DocusignUserAttributes? user, string? eventId, CancellationToken ct)
    {
        InboundUserAction? decided = null;
        try
        {
            var link = await links.GetAsync(rule.Name, docusignUserId, ct);
            var action = InboundUserDecision.Decide(rule, docusignUserId, user, link, pingOne: null);
            if (action.Kind == InboundUserActionKind.LookUpPingOne)
            {
                var lookup = await LookUpAsync(docusignUserId, link, action.Mapped!, ct);
                if (link is not null && lookup.Linked is null)
                {
                    // Someone deleted the PingOne user; the Docusign user is still provisioned, so it is provisioned again.
                    await links.DeleteAsync(rule.Name, docusignUserId, ct);
                    link = null;
                }

                action = InboundUserDecision.Decide(rule, docusignUserId, user, link, lookup);
            }

            decided = action;
            return await ExecuteAsync(rule, docusignUserId, user, action, eventId, ct);
        }
        catch (Exception exception) when (FailureClassifier.Classify(exception) is { IsPermanent: true } failure)
        {
            // PingOne refused this user (invalid data, uniqueness…) or the mappings cannot express it: retrying cannot
            // help; the ledger tells the operator. Everything else, a refused credential included, goes to the retry policy.
            logger.LogWarning("Inbound rule {Rule}: Docusign user {DocusignUserId} cannot be applied: {ErrorCode} {Error}", rule.Name, docusignUserId, failure.ErrorCode, failure.Message);
            await ledger.RecordAsync(
                Outcome(rule, docusignUserId, user, SyncOutcome.Failed, failure.ErrorCode, failure.Message, InboundChangeDetail.For(InboundUserOutcome.Failed, decided, eventId, exception)), ct);
            return InboundUserOutcome.Failed;
        }
    }

    private async Task<InboundUserOutcome> ExecuteAsync(
        CompiledInboundRule rule, string docusignUserId, DocusignUserAttributes? user, InboundUserAction action, string? eventId, CancellationToken ct)
    {
        switch (action.Kind)
        {
            case InboundUserActionKind.Create:
                var created = await pingOne.CreateUserAsync(action.NewUser!, ct);
                await links.UpsertAsync(new InboundLink(rule.Name, docusignUserId, created.Id, time.GetUtcNow()), ct);
                logger.LogInformation("Inbound rule {Rule}: created PingOne user {PingOneUserId} for Docusign user {DocusignUserId}", rule.Name, created.Id, docusignUserId);
                break;
            case InboundUserActionKind.Adopt:
                await links.UpsertAsync(new InboundLink(rule.Name, docusignUserId, action.PingOneUserId!, time.GetUtcNow()), ct);
                await PatchAsync(action, ct);
                logger.LogInformation("Inbound rule {Rule}: adopted PingOne user {PingOneUserId} for Docusign user {DocusignUserId}", rule.Name, action.PingOneUserId, docusignUserId);
                break;
            case InboundUserActionKind.Update:
                await PatchAsync(action, ct);
                if (action.Enable)
                {
                    await pingOne.SetUserEnabledAsync(action.PingOneUserId!, true, ct);
                    logger.LogInformation("Inbound rule {Rule}: enabled PingOne user {PingOneUserId} again for Docusign user {DocusignUserId}", rule.Name, action.PingOneUserId, docusignUserId);
                }

                break;
            case InboundUserActionKind.Disable:
                await pingOne.SetUserEnabledAsync(action.PingOneUserId!, false, ct);
                logger.LogInformation("Inbound rule {Rule}: suspended PingOne user {PingOneUserId} of Docusign user {DocusignUserId}", rule.Name, action.PingOneUserId, docusignUserId);
                break;
            case InboundUserActionKind.Delete:
                await pingOne.DeleteUserAsync(action.PingOneUserId!, ct);
                await links.DeleteAsync(rule.Name, docusignUserId, ct);
                logger.LogInformation("Inbound rule {Rule}: deleted PingOne user {PingOneUserId} of Docusign user {DocusignUserId}", rule.Name, action.PingOneUserId, docusignUserId);
                break;
            case InboundUserActionKind.Unchanged:
            case InboundUserActionKind.LeaveExisting:
            case InboundUserActionKind.NotProvisioned:
            case InboundUserActionKind.Fail:
                break;
            default:
                throw new InvalidOperationException($"The inbound user decision {action.Kind} cannot be executed.");
        }

        var result = action.Kind switch
        {
            InboundUserActionKind.Create => InboundUserOutcome.Created,
            InboundUserActionKind.Adopt => InboundUserOutcome.Adopted,
            InboundUserActionKind.Update => InboundUserOutcome.Updated,
            InboundUserActionKind.Unchanged => InboundUserOutcome.Unchanged,
            InboundUserActionKind.Delete => InboundUserOutcome.Deleted,
            InboundUserActionKind.Disable => InboundUserOutcome.Disabled,
            InboundUserActionKind.LeaveExisting => InboundUserOutcome.ExistingUserNotOwned,
            InboundUserActionKind.NotProvisioned => InboundUserOutcome.NotProvisioned,
            _ => InboundUserOutcome.Failed,
        };
        var change = InboundChangeDetail.For(result, action, eventId);
        if (action.Outcome is { } outcome)
        {
            await ledger.RecordAsync(Outcome(rule, docusignUserId, user, outcome, action.ErrorCode, action.Reason, change), ct);
        }
        else
        {
            await ledger.ForgetManyAsync([Outcome(rule, docusignUserId, user, result == InboundUserOutcome.Deleted ? SyncOutcome.Success : SyncOutcome.Skipped, null, null, change)], ct);
        }

        return result;
    }

    /// <summary>
    /// The linked user, or else the users that could be this one; the email is read only when the username matched
    /// nobody, as the decision prefers the username.
    /// </summary>
    private async Task<PingOneUserLookup> LookUpAsync(string docusignUserId, InboundLink? link, MappedPingOneUser mapped, CancellationToken ct)
    {
        if (link is not null && await pingOne.GetUserAsync(link.PingOneUserId, ct) is { } linked)
        {
            return new PingOneUserLookup(linked, null, null, null);
        }

        var byExternalId = await FirstAsync(pingOne.ListUsersAsync($"externalId eq {Quote(docusignUserId)}", ct), ct);
        var byUsername = await FirstAsync(pingOne.ListUsersAsync($"username eq {Quote(mapped.Username)}", ct), ct);
        var byEmail = byUsername is null ? await FirstAsync(pingOne.ListUsersAsync($"email eq {Quote(mapped.Email)}", ct), ct) : null;
        return new PingOneUserLookup(null, byExternalId, byUsername, byEmail);
    }

    private async Task PatchAsync(InboundUserAction action, CancellationToken ct)
    {
        if (action.Patch is { } patch)
        {
            await pingOne.PatchUserAsync(action.PingOneUserId!, patch, ct);
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static async Task<PingOneUser?> FirstAsync(IAsyncEnumerable<PingOneUser> users, CancellationToken ct)
    {
        await foreach (var user in users.WithCancellation(ct))
        {
            return user;
        }

        return null;
    }

    /// <summary>The ledger entry, with what the provisioning log says about it.</summary>
    private EntityOutcome Outcome(
        CompiledInboundRule rule, string docusignUserId, DocusignUserAttributes? user, SyncOutcome outcome, string? code, string? message, ChangeDetail change) =>
        new(rule.Name, EntityKind.User, docusignUserId, user?.Email ?? docusignUserId, outcome, code, message, time.GetUtcNow()) { Change = change };
}
