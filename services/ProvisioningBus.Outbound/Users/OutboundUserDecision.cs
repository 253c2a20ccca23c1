using ProvisioningBus.Core.Rules;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.PingOne.Users;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Users;

namespace ProvisioningBus.Outbound.Users;

/// <summary>
/// The outbound user decision (mission §3, §4): from the PingOne user, the rule's link and what is known of Docusign,
/// what to do in Docusign. Pure: the event consumer, the full resync and the dry run all ask it and only execute.
/// </summary>
public static class OutboundUserDecision
{
    public const string CreationOffCode = "USER_CREATION_OFF";
    public const string UpdatesOffCode = "USER_UPDATES_OFF";
    public const string UnmappableCode = "UNMAPPABLE_USER";
    public const string RemoveActionNotSupportedCode = "REMOVE_ACTION_NOT_SUPPORTED";

    /// <param name="user">The PingOne user now; null when PingOne deleted it (or a resync did not find it in scope).</param>
    /// <param name="link">The rule's link to the Docusign user, when the rule provisioned it.</param>
    /// <param name="docusign">What was read of Docusign: the linked user, or the one with the wanted email.</param>
    public static OutboundUserAction Decide(CompiledOutboundRule rule, PingOneUser? user, UserLink? link, DocusignUserLookup docusign)
    {
        var actions = rule.Options.UserActions;
        var attributes = user is null ? null : PingOneUserAttributes.From(user);
        if (user is null || !rule.Scope.Includes(user, attributes!))
        {
            return LeaveScope(actions, link);
        }

        MappedDocusignUser mapped;
        try
        {
            mapped = rule.Mapping.Map(attributes!);
        }
        catch (UnmappableUserException exception)
        {
            return Fail(UnmappableCode, exception.Message);
        }

        var status = UserStatusMapping.Decide(mapped.UserStatus);
        if (status == DesiredUserStatus.NotSupported)
        {
            return Fail(UserStatusMapping.NotSupportedErrorCode, UserStatusMapping.NotSupportedMessage(mapped.UserStatus));
        }

        var wanted = new WantedDocusignUser(mapped, status, mapped.Hash());
        if (docusign.Done)
        {
            return FromDocusign(actions, wanted, link, docusign.User);
        }

        return link is null
            ? new OutboundUserAction(OutboundUserActionKind.LookUpByEmail, wanted, null, Adopts: false)
            : FromLink(actions, wanted, link);
    }

    private static OutboundUserAction LeaveScope(UserActionsOptions actions, UserLink? link)
    {
        if (link is null)
        {
            return new OutboundUserAction(OutboundUserActionKind.Forget, null, null, Adopts: false);
        }

        if (!actions.DeprovisionUsers)
        {
            return new OutboundUserAction(OutboundUserActionKind.Unlink, null, link.DocusignUserId, Adopts: false);
        }

        // Validation rejects Disable for a Docusign target; should one get here anyway, closing instead would delete access silently.
        if (actions.RemoveAction != RemoveAction.Delete)
        {
            return Fail(RemoveActionNotSupportedCode,
                $"Remove Action '{actions.RemoveAction}' is not supported: Docusign does not support disabling users. Use 'Delete', which closes the user.");
        }

        return new OutboundUserAction(OutboundUserActionKind.Deprovision, null, link.DocusignUserId, Adopts: false)
        {
            Changes = [new AttributeChange("userStatus", null, "Closed")],
        };
    }

    /// <summary>Docusign not read: the link's hash says whether PingOne changed since the last write.</summary>
    private static OutboundUserAction FromLink(UserActionsOptions actions, WantedDocusignUser wanted, UserLink link)
    {
        // The hash ignores the email's letter case (links written before case mattered keep theirs); the link's email does not.
        if (string.Equals(link.AppliedHash, wanted.Hash, StringComparison.Ordinal) && EmailEquals(link.Email, wanted.User.Email))
        {
            return new OutboundUserAction(OutboundUserActionKind.Unchanged, wanted, null, Adopts: false);
        }

        if (!actions.UpdateUsers)
        {
            return Skip(wanted, null, SyncOutcome.PartiallySynced, UpdatesOffCode, "The user changed in PingOne but 'Enable users updation' is off, so Docusign was not updated.");
        }

        if (wanted.Status == DesiredUserStatus.Closed)
        {
            return new OutboundUserAction(OutboundUserActionKind.Close, wanted, link.DocusignUserId, Adopts: false);
        }

        return new OutboundUserAction(OutboundUserActionKind.Update, wanted, link.DocusignUserId, Adopts: false)
        {
            Update = DocusignUserRequests.Update(link.DocusignUserId, wanted.User, includeEmail: !EmailEquals(link.Email, wanted.User.Email)),
        };
    }

    /// <summary>Docusign read: compared with what it holds, not with the hash, so a lost event or a change made in Docusign is repaired.</summary>
    private static OutboundUserAction FromDocusign(UserActionsOptions actions, WantedDocusignUser wanted, UserLink? link, DocusignUser? current)
    {
        var mapped = wanted.User;
        if (current is null)
        {
            if (wanted.Status == DesiredUserStatus.Closed)
            {
                // A disabled PingOne user with no Docusign account: the target already matches (no active user).
                return new OutboundUserAction(OutboundUserActionKind.Unchanged, wanted, null, Adopts: false);
            }

            if (!actions.CreateUsers)
            {
                return Skip(wanted, null, SyncOutcome.Unsynced, CreationOffCode, "The user is in scope but 'Enable users creation' is off, so it was not created in Docusign.");
            }

            var request = DocusignUserRequests.Create(mapped);
            return new OutboundUserAction(OutboundUserActionKind.Create, wanted, null, Adopts: false) { NewUser = request, Changes = Created(request) };
        }

        var adopts = link is null;
        // A linked user with no userStatus mapping keeps whatever status Docusign has; an unlinked closed account is reopened.
        if (current.Status == DocusignUserStatus.Closed && wanted.Status != DesiredUserStatus.Closed
            && !(wanted.Status == DesiredUserStatus.Unspecified && !adopts))
        {
            return Reactivate(actions, wanted, current, adopts);
        }

        var emailChanged = !EmailEquals(current.Email, mapped.Email);
        var differs = wanted.Status == DesiredUserStatus.Closed
            ? current.Status != DocusignUserStatus.Closed
            : current.Status != DocusignUserStatus.Closed && (Differs(current, mapped) || emailChanged);
        if (!differs)
        {
            return new OutboundUserAction(adopts ? OutboundUserActionKind.Adopt : OutboundUserActionKind.Unchanged, wanted, current.UserId, adopts);
        }

        if (!actions.UpdateUsers)
        {
            return Skip(wanted, current.UserId, SyncOutcome.PartiallySynced, UpdatesOffCode, adopts
                ? "An existing Docusign user was linked by email but 'Enable users updation' is off, so its attributes were not updated."
                : "The user differs in Docusign but 'Enable users updation' is off, so Docusign was not updated.");
        }

        if (wanted.Status == DesiredUserStatus.Closed)
        {
            return new OutboundUserAction(OutboundUserActionKind.Close, wanted, current.UserId, adopts)
            {
                Changes = [new AttributeChange("userStatus", current.StatusText, "Closed")],
            };
        }

        return new OutboundUserAction(OutboundUserActionKind.Update, wanted, current.UserId, adopts)
        {
            Update = DocusignUserRequests.Update(current.UserId, mapped, emailChanged),
            Changes = Changed(current, mapped, emailChanged),
        };
    }

    /// <summary>
    /// Reopening an account the rule provisioned is a status update (the PingOne user was enabled again); reopening one
    /// it never linked gives the person a Docusign account again, which is what creation allows.
    /// </summary>
    private static OutboundUserAction Reactivate(UserActionsOptions actions, WantedDocusignUser wanted, DocusignUser closed, bool adopts)
    {
        if (adopts && !actions.CreateUsers)
        {
            return Skip(wanted, null, SyncOutcome.Unsynced, CreationOffCode, "The user's Docusign account is closed and 'Enable users creation' is off, so it was not reactivated.");
        }

        if (!adopts && !actions.UpdateUsers)
        {
            return Skip(wanted, null, SyncOutcome.PartiallySynced, UpdatesOffCode, "The user's Docusign account is closed and 'Enable users updation' is off, so it was not reactivated.");
        }

        // Docusign reactivates a closed user when its own userName + email are POSTed again (fact sheet §1.7).
        var request = DocusignUserRequests.Create(wanted.User) with { UserName = closed.UserName ?? wanted.User.UserName, Email = closed.Email ?? wanted.User.Email };
        return new OutboundUserAction(OutboundUserActionKind.Reactivate, wanted, closed.UserId, adopts)
        {
            NewUser = request,
            Changes = [new AttributeChange("userStatus", closed.StatusText, "reactivated"), .. Changed(closed, wanted.User, emailChanged: false)],
        };
    }

    private static OutboundUserAction Skip(WantedDocusignUser wanted, string? docusignUserId, SyncOutcome outcome, string code, string reason) =>
        new(OutboundUserActionKind.Skip, wanted, docusignUserId, Adopts: false) { Outcome = outcome, ErrorCode = code, Reason = reason };

    private static OutboundUserAction Fail(string code, string reason) =>
        new(OutboundUserActionKind.Fail, null, null, Adopts: false) { Outcome = SyncOutcome.Failed, ErrorCode = code, Reason = reason };

    private static bool Differs(DocusignUser current, MappedDocusignUser wanted) => Changed(current, wanted, emailChanged: false).Count > 0;

    private static List<AttributeChange> Created(NewDocusignUser user) =>
    [
        .. new[]
        {
            new AttributeChange("userName", null, user.UserName),
            new AttributeChange("email", null, user.Email),
            new AttributeChange("firstName", null, user.FirstName),
            new AttributeChange("lastName", null, user.LastName),
            new AttributeChange("jobTitle", null, user.JobTitle),
            new AttributeChange("middleName", null, user.MiddleName),
            new AttributeChange("suffixName", null, user.SuffixName),
            new AttributeChange("title", null, user.Title),
            new AttributeChange("company", null, user.Company),
            new AttributeChange("permissionProfileId", null, user.PermissionProfileId),
            new AttributeChange("permissionProfileName", null, user.PermissionProfileName),
        }.Where(change => !string.IsNullOrEmpty(change.To)),
    ];

    /// <summary>What differs between Docusign and the mapping; optional attributes only when the rule maps them.</summary>
    private static List<AttributeChange> Changed(DocusignUser current, MappedDocusignUser mapped, bool emailChanged)
    {
        var changes = new List<AttributeChange>();
        Compare("userName", current.UserName, mapped.UserName);
        if (emailChanged)
        {
            changes.Add(new AttributeChange("email", current.Email, mapped.Email));
        }

        Compare("firstName", current.FirstName, mapped.FirstName);
        Compare("lastName", current.LastName, mapped.LastName);
        Compare("jobTitle", current.JobTitle, mapped.JobTitle);
        CompareMapped("middleName", current.MiddleName, mapped.MiddleName);
        CompareMapped("suffixName", current.SuffixName, mapped.SuffixName);
        CompareMapped("title", current.Title, mapped.Title);
        CompareMapped("company", current.Company, mapped.Company);
        if (!string.IsNullOrEmpty(mapped.PermissionProfileId))
        {
            Compare("permissionProfileId", current.PermissionProfileId, mapped.PermissionProfileId);
        }

        if (!string.IsNullOrEmpty(mapped.PermissionProfileName)
            && !string.Equals(current.PermissionProfileName, mapped.PermissionProfileName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            // Names are matched as the profile lookup matches them: case-insensitively.
            changes.Add(new AttributeChange("permissionProfileName", current.PermissionProfileName, mapped.PermissionProfileName));
        }

        return changes;

        void CompareMapped(string attribute, string? from, string? to)
        {
            if (to is not null)
            {
                Compare(attribute, from, to);
            }
        }

        void Compare(string attribute, string? from, string? to)
        {
            if (!TextEquals(from, to))
            {
                changes.Add(new AttributeChange(attribute, from, to));
            }
        }
    }

    private static bool TextEquals(string? a, string? b) => string.Equals(a ?? string.Empty, b ?? string.Empty, StringComparison.Ordinal);

    /// <summary>Exact: a change of letter case only is pushed too, so Docusign shows the address as PingOne spells it.</summary>
    private static bool EmailEquals(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);
}
