using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Failures;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Users;
using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Ledger;

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
    public async Task<InboundUserOutcome> ApplyAsync(CompiledInboundRule rule, string docusignUserId, DocusignUserAttributes? user, CancellationToken ct)
    {
        try
        {
            if (user is not null && rule.Provisions(user))
            {
                return await ProvisionAsync(rule, docusignUserId, user, ct);
            }

            var outcome = await DeprovisionAsync(rule, docusignUserId, ct);
            if (outcome == InboundUserOutcome.NotProvisioned && user is not null)
            {
                await RecordAsync(rule, docusignUserId, user, SyncOutcome.Skipped, "NOT_ACTIVE",
                    $"Docusign status is {user.UserStatus}; Sync Only Active Users provisions Active users only", ct);
            }

            return outcome;
        }
        catch (Exception exception) when (FailureClassifier.Classify(exception) is { IsPermanent: true } failure)
        {
            // PingOne refused this user (invalid data, uniqueness…) or the mappings cannot express it: retrying cannot
            // help; the ledger tells the operator. Everything else, a refused credential included, goes to the retry policy.
            logger.LogWarning("Inbound rule {Rule}: Docusign user {DocusignUserId} cannot be applied: {ErrorCode} {Error}", rule.Name, docusignUserId, failure.ErrorCode, failure.Message);
            await RecordAsync(rule, docusignUserId, user, SyncOutcome.Failed, failure.ErrorCode, failure.Message, ct);
            return InboundUserOutcome.Failed;
        }
    }

    private async Task<InboundUserOutcome> ProvisionAsync(CompiledInboundRule rule, string docusignUserId, DocusignUserAttributes user, CancellationToken ct)
    {
        var mapped = rule.Mapping.Map(docusignUserId, user);
        var link = await links.GetAsync(rule.Name, docusignUserId, ct);
        if (link is not null)
        {
            var linked = await pingOne.GetUserAsync(link.PingOneUserId, ct);
            if (linked is not null)
            {
                var updated = await UpdateAsync(linked, mapped, ct);
                await RecordAsync(rule, docusignUserId, user, SyncOutcome.Success, null, null, ct);
                return updated ? InboundUserOutcome.Updated : InboundUserOutcome.Unchanged;
            }

            // Someone deleted the PingOne user; the Docusign user is still in scope, so it is provisioned again.
            await links.DeleteAsync(rule.Name, docusignUserId, ct);
        }

        // Our own create that lost its link (the process died between the two writes) carries the Docusign userId.
        var ours = await FirstAsync(pingOne.ListUsersAsync($"externalId eq {Quote(docusignUserId)}", ct), ct);
        if (ours is not null && (string.IsNullOrEmpty(rule.Options.TargetPopulationId) || ours.Population?.Id == rule.Options.TargetPopulationId))
        {
            await links.UpsertAsync(new InboundLink(rule.Name, docusignUserId, ours.Id, time.GetUtcNow()), ct);
            await UpdateAsync(ours, mapped, ct);
            await RecordAsync(rule, docusignUserId, user, SyncOutcome.Success, null, null, ct);
            logger.LogInformation("Inbound rule {Rule}: adopted PingOne user {PingOneUserId} for Docusign user {DocusignUserId}", rule.Name, ours.Id, docusignUserId);
            return InboundUserOutcome.Adopted;
        }

        var existing = await FirstAsync(pingOne.ListUsersAsync($"username eq {Quote(mapped.Username)}", ct), ct)
            ?? await FirstAsync(pingOne.ListUsersAsync($"email eq {Quote(mapped.Email)}", ct), ct)
            ?? ours;
        if (existing is not null)
        {
            // Mission §5: only users this rule provisioned are updated or deleted, so a matching account is left as it is.
            await RecordAsync(rule, docusignUserId, user, SyncOutcome.Unsynced, "EXISTING_USER_NOT_OWNED",
                $"PingOne user {existing.Id} has the same username or email and was not provisioned by this rule; it is left unchanged", ct);
            return InboundUserOutcome.ExistingUserNotOwned;
        }

        var created = await pingOne.CreateUserAsync(
            new PingOneNewUser
            {
                Username = mapped.Username,
                Email = mapped.Email,
                Name = Name(mapped),
                Title = mapped.Title,
                Population = string.IsNullOrEmpty(rule.Options.TargetPopulationId) ? null : new PingOneReference(rule.Options.TargetPopulationId),
                ExternalId = docusignUserId,
            },
            ct);
        await links.UpsertAsync(new InboundLink(rule.Name, docusignUserId, created.Id, time.GetUtcNow()), ct);
        await RecordAsync(rule, docusignUserId, user, SyncOutcome.Success, null, null, ct);
        logger.LogInformation("Inbound rule {Rule}: created PingOne user {PingOneUserId} for Docusign user {DocusignUserId}", rule.Name, created.Id, docusignUserId);
        return InboundUserOutcome.Created;
    }

    private async Task<InboundUserOutcome> DeprovisionAsync(CompiledInboundRule rule, string docusignUserId, CancellationToken ct)
    {
        var link = await links.GetAsync(rule.Name, docusignUserId, ct);
        if (link is null)
        {
            await ledger.DeleteAsync(rule.Name, EntityKind.User, docusignUserId, ct);
            return InboundUserOutcome.NotProvisioned;
        }

        await pingOne.DeleteUserAsync(link.PingOneUserId, ct);
        await links.DeleteAsync(rule.Name, docusignUserId, ct);
        await ledger.DeleteAsync(rule.Name, EntityKind.User, docusignUserId, ct);
        logger.LogInformation("Inbound rule {Rule}: deleted PingOne user {PingOneUserId} of Docusign user {DocusignUserId}", rule.Name, link.PingOneUserId, docusignUserId);
        return InboundUserOutcome.Deleted;
    }

    /// <summary>PATCHes what differs; PingOne emits USER.UPDATED for every write, so equal users are not written.</summary>
    private async Task<bool> UpdateAsync(PingOneUser current, MappedPingOneUser mapped, CancellationToken ct)
    {
        var name = Name(mapped);
        var patch = new PingOneUserPatch
        {
            Username = Differs(current.Username, mapped.Username) ? mapped.Username : null,
            Email = Differs(current.Email, mapped.Email) ? mapped.Email : null,
            Name = name is not null && (Differs(current.Name?.Given, name.Given) || Differs(current.Name?.Family, name.Family)
                || Differs(current.Name?.Middle, name.Middle) || Differs(current.Name?.Formatted, name.Formatted)) ? name : null,
            Title = Differs(current.Title, mapped.Title) ? mapped.Title : null,
        };
        if (patch == new PingOneUserPatch())
        {
            return false;
        }

        await pingOne.PatchUserAsync(current.Id, patch, ct);
        return true;
    }

    // PATCH cannot clear an attribute (fact sheet §2.3: omitted attributes stay), so only values that are set are compared.
    private static bool Differs(string? current, string? wanted) => wanted is not null && !string.Equals(current, wanted, StringComparison.Ordinal);

    private static PingOneUserName? Name(MappedPingOneUser mapped) =>
        mapped.GivenName is null && mapped.FamilyName is null && mapped.MiddleName is null && mapped.FormattedName is null
            ? null
            : new PingOneUserName { Given = mapped.GivenName, Family = mapped.FamilyName, Middle = mapped.MiddleName, Formatted = mapped.FormattedName };

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static async Task<PingOneUser?> FirstAsync(IAsyncEnumerable<PingOneUser> users, CancellationToken ct)
    {
        await foreach (var user in users.WithCancellation(ct))
        {
            return user;
        }

        return null;
    }

    private async Task RecordAsync(
        CompiledInboundRule rule, string docusignUserId, DocusignUserAttributes? user, SyncOutcome outcome, string? code, string? message, CancellationToken ct) =>
        await ledger.RecordAsync(
            new EntityOutcome(rule.Name, EntityKind.User, docusignUserId, user?.Email ?? docusignUserId, outcome, code, message, time.GetUtcNow()), ct);
}
