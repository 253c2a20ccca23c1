using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Users;
using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Ledger;

namespace ProvisioningBus.Inbound.Users;

/// <summary>
/// The inbound user decision (mission §5): from one Docusign user's state, the rule's link and the PingOne users that
/// could stand for it, what to do in PingOne. Pure: the applier and the dry run both ask it and only execute or show.
/// Whether a deletion is held by the mass-deletion guard is decided before, on the whole diff.
/// </summary>
public static class InboundUserDecision
{
    public const string NotActiveCode = "NOT_ACTIVE";
    public const string UnmappableCode = "UNMAPPABLE_USER";
    public const string ExistingUserNotOwnedCode = "EXISTING_USER_NOT_OWNED";
    public const string SuspendedCode = "SUSPENDED";

    /// <param name="user">The Docusign user's attributes now; null when it left the rule's snapshot (gone, or filtered out).</param>
    /// <param name="link">The rule's link, when the rule provisioned the user.</param>
    /// <param name="pingOne">What was read of PingOne; null when not read yet.</param>
    public static InboundUserAction Decide(CompiledInboundRule rule, string docusignUserId, DocusignUserAttributes? user, InboundLink? link, PingOneUserLookup? pingOne)
    {
        if (user is null || !rule.Provisions(user))
        {
            if (link is not null)
            {
                return rule.Options.RemoveAction == RemoveAction.Disable
                    ? new InboundUserAction(InboundUserActionKind.Disable, null, link.PingOneUserId)
                    {
                        Outcome = SyncOutcome.Skipped,
                        ErrorCode = SuspendedCode,
                        Reason = "Suspended in PingOne (Remove Action Disable): the Docusign user is closed, gone or filtered out",
                        Changes = [new PingOneAttributeChange("enabled", "true", "false")],
                    }
                    : new InboundUserAction(InboundUserActionKind.Delete, null, link.PingOneUserId) { Outcome = null };
            }

            return user is null
                ? new InboundUserAction(InboundUserActionKind.NotProvisioned, null, null) { Outcome = null, Reason = "The rule never provisioned this user" }
                : new InboundUserAction(InboundUserActionKind.NotProvisioned, null, null)
                {
                    Outcome = SyncOutcome.Skipped,
                    ErrorCode = NotActiveCode,
                    Reason = $"Docusign status is {user.UserStatus}; Sync Only Active Users provisions Active users only",
                };
        }

        MappedPingOneUser mapped;
        try
        {
            mapped = rule.Mapping.Map(docusignUserId, user);
        }
        catch (UnmappableUserException exception)
        {
            return new InboundUserAction(InboundUserActionKind.Fail, null, null) { Outcome = SyncOutcome.Failed, ErrorCode = UnmappableCode, Reason = exception.Message };
        }

        if (pingOne is null)
        {
            return new InboundUserAction(InboundUserActionKind.LookUpPingOne, mapped, null);
        }

        if (link is not null && pingOne.Linked is { } linked)
        {
            var patch = Patch(linked, mapped);
            // Only a rule that suspends enables again: under Delete, a user someone disabled in PingOne stays disabled.
            var enable = rule.Options.RemoveAction == RemoveAction.Disable && linked.Enabled == false;
            return new InboundUserAction(patch is null && !enable ? InboundUserActionKind.Unchanged : InboundUserActionKind.Update, mapped, linked.Id)
            {
                Patch = patch,
                Enable = enable,
                Changes = enable ? [.. Changes(linked, mapped), new PingOneAttributeChange("enabled", "false", "true")] : Changes(linked, mapped),
            };
        }

        // Our own create that lost its link (the process died between the two writes) carries the Docusign userId.
        var populationId = rule.Options.TargetPopulationId;
        var ours = pingOne.ByExternalId;
        if (ours is not null && (string.IsNullOrEmpty(populationId) || ours.Population?.Id == populationId))
        {
            return new InboundUserAction(InboundUserActionKind.Adopt, mapped, ours.Id) { Patch = Patch(ours, mapped), Changes = Changes(ours, mapped) };
        }

        // Mission §5: only users this rule provisioned are updated or deleted, so a matching account is left as it is.
        if ((pingOne.ByUsername ?? pingOne.ByEmail ?? ours) is { } existing)
        {
            return new InboundUserAction(InboundUserActionKind.LeaveExisting, mapped, existing.Id)
            {
                Outcome = SyncOutcome.Unsynced,
                ErrorCode = ExistingUserNotOwnedCode,
                Reason = $"PingOne user {existing.Id} has the same username or email and was not provisioned by this rule; it is left unchanged",
            };
        }

        var newUser = new PingOneNewUser
        {
            Username = mapped.Username,
            Email = mapped.Email,
            Name = Name(mapped),
            Title = mapped.Title,
            Population = string.IsNullOrEmpty(populationId) ? null : new PingOneReference(populationId),
            ExternalId = docusignUserId,
        };
        return new InboundUserAction(InboundUserActionKind.Create, mapped, null) { NewUser = newUser, Changes = Created(mapped, populationId) };
    }

    /// <summary>The PATCH that brings the user to the mapped values; null when equal (PingOne emits USER.UPDATED for every write).</summary>
    private static PingOneUserPatch? Patch(PingOneUser current, MappedPingOneUser mapped)
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
        return patch == new PingOneUserPatch() ? null : patch;
    }

    private static List<PingOneAttributeChange> Created(MappedPingOneUser mapped, string? populationId) =>
    [
        .. new[]
        {
            new PingOneAttributeChange("username", null, mapped.Username),
            new PingOneAttributeChange("email", null, mapped.Email),
            new PingOneAttributeChange("name.given", null, mapped.GivenName),
            new PingOneAttributeChange("name.family", null, mapped.FamilyName),
            new PingOneAttributeChange("name.middle", null, mapped.MiddleName),
            new PingOneAttributeChange("name.formatted", null, mapped.FormattedName),
            new PingOneAttributeChange("title", null, mapped.Title),
            new PingOneAttributeChange("population.id", null, populationId),
        }.Where(change => !string.IsNullOrEmpty(change.To)),
    ];

    /// <summary>What <see cref="Patch"/> carries, attribute by attribute.</summary>
    private static List<PingOneAttributeChange> Changes(PingOneUser current, MappedPingOneUser mapped) =>
    [
        .. new[]
        {
            new PingOneAttributeChange("username", current.Username, mapped.Username),
            new PingOneAttributeChange("email", current.Email, mapped.Email),
            new PingOneAttributeChange("name.given", current.Name?.Given, mapped.GivenName),
            new PingOneAttributeChange("name.family", current.Name?.Family, mapped.FamilyName),
            new PingOneAttributeChange("name.middle", current.Name?.Middle, mapped.MiddleName),
            new PingOneAttributeChange("name.formatted", current.Name?.Formatted, mapped.FormattedName),
            new PingOneAttributeChange("title", current.Title, mapped.Title),
        }.Where(change => Differs(change.From, change.To)),
    ];

    // PATCH cannot clear an attribute (fact sheet §2.3: omitted attributes stay), so only values that are set are compared.
    private static bool Differs(string? current, string? wanted) => wanted is not null && !string.Equals(current, wanted, StringComparison.Ordinal);

    private static PingOneUserName? Name(MappedPingOneUser mapped) =>
        mapped.GivenName is null && mapped.FamilyName is null && mapped.MiddleName is null && mapped.FormattedName is null
            ? null
            : new PingOneUserName { Given = mapped.GivenName, Family = mapped.FamilyName, Middle = mapped.MiddleName, Formatted = mapped.FormattedName };
}
