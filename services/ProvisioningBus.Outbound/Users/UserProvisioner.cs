using ProvisioningBus.Contracts;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.PingOne;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// Reconciles one Docusign user to the current state of one PingOne user under one rule. Level-triggered: the
/// event only says which user changed, the PingOne read says what it is now, so redeliveries are harmless.
/// </summary>
public sealed class UserProvisioner(IPingOneClient pingOne, IDocusignClientProvider docusign, ILogger<UserProvisioner> logger)
{
    public async Task<UserProvisioningOutcome> ApplyAsync(CompiledOutboundRule rule, PingOneUserChanged change, CancellationToken cancellationToken)
    {
        var actions = rule.Options.UserActions;
        var target = docusign.Get(rule.Options.TargetConnection);
        var user = change.Action == DirectoryChangeAction.Deleted ? null : await pingOne.GetUserAsync(change.UserId, cancellationToken);
        if (user is null)
        {
            // Deletions need the PingOne id → Docusign id link (a deleted user cannot be read); see the state store.
            return UserProvisioningOutcome.Skipped;
        }

        var mapped = rule.Mapping.Map(PingOneUserAttributes.From(user));
        var existing = await target.FindUserByEmailAsync(mapped.Email, cancellationToken);
        if (existing is null)
        {
            if (!actions.CreateUsers)
            {
                return UserProvisioningOutcome.Unsynced;
            }

            var created = await target.CreateUsersAsync([ToNewUser(mapped)], cancellationToken);
            var result = created[0];
            if (result.Error is not null && !result.AlreadyExists)
            {
                throw new DocusignApiException(System.Net.HttpStatusCode.Created, result.Error.ErrorCode, result.Error.Message, "POST", "/users");
            }

            logger.LogInformation("Rule {Rule}: {Outcome} Docusign user {DocusignUserId} for PingOne user {PingOneUserId}",
                rule.Name, result.AlreadyExists ? "adopted" : "created", result.UserId, user.Id);
            return result.AlreadyExists ? UserProvisioningOutcome.Adopted : UserProvisioningOutcome.Created;
        }

        if (!actions.UpdateUsers)
        {
            return UserProvisioningOutcome.Unsynced;
        }

        await target.UpdateUserAsync(
            new DocusignUserUpdate(existing.UserId)
            {
                UserName = mapped.UserName,
                FirstName = mapped.FirstName,
                LastName = mapped.LastName,
                JobTitle = mapped.JobTitle,
            },
            cancellationToken);
        return UserProvisioningOutcome.Updated;
    }

    private static NewDocusignUser ToNewUser(MappedDocusignUser mapped) => new(mapped.UserName, mapped.Email)
    {
        FirstName = mapped.FirstName,
        LastName = mapped.LastName,
        JobTitle = mapped.JobTitle,
    };
}
