using ProvisioningBus.Core.Rules;
using ProvisioningBus.Docusign;
using ProvisioningBus.Outbound.Resync;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.Outbound.Users;
using ProvisioningBus.PingOne.Users;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Users;
using Kind = ProvisioningBus.Outbound.Users.OutboundUserActionKind;

namespace ProvisioningBus.Outbound.UnitTests;

/// <summary>
/// The product page's user actions (mission §3, §4) as one table: every row is one PingOne state, link and Docusign
/// state under one set of toggles, and the one thing the decision must answer.
/// </summary>
public sealed class OutboundUserDecisionTests
{
    private const string EnabledToStatus = "#root.enabled ? 'Active' : 'Closed'";
    private const string DocusignId = "d-1";

    private static readonly PingOneUser Ada = new()
    {
        Id = "p-1",
        Username = "ada",
        Email = "ada@example.com",
        Name = new PingOneUserName { Given = "Ada", Family = "Lovelace" },
        Title = "Analyst",
        Enabled = true,
        UpdatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
    };

    private static readonly PingOneUser DisabledAda = Ada with { Enabled = false };

    /// <summary>The scope keeps analysts: a clerk has left it.</summary>
    private static readonly PingOneUser ClerkAda = Ada with { Title = "Clerk" };

    private static readonly DocusignUser Matching = new()
    {
        UserId = DocusignId,
        UserName = "Ada Lovelace",
        Email = "ada@example.com",
        FirstName = "Ada",
        LastName = "Lovelace",
        JobTitle = "Analyst",
        Status = DocusignUserStatus.Active,
        StatusText = "Active",
    };

    private static readonly DocusignUser Differing = Matching with { JobTitle = "Countess" };

    private static readonly DocusignUser Closed = Matching with { Status = DocusignUserStatus.Closed, StatusText = "Closed" };

    private static readonly DocusignUser OldEmail = Matching with { Email = "ada@old.example.com" };

    private static readonly Dictionary<string, Row> Rows = new Row[]
    {
        // Entering scope, never linked.
        new("in scope, unlinked, Docusign not read yet: look it up by email first", Toggles.All, Ada, Link.None, Lookup.NotDone, Kind.LookUpByEmail),
        new("in scope, unlinked, no Docusign user, creation on: create", Toggles.All, Ada, Link.None, Lookup.Nobody, Kind.Create),
        new("in scope, unlinked, no Docusign user, creation off: unsynced", Toggles.All with { Create = false }, Ada, Link.None, Lookup.Nobody, Kind.Skip, SyncOutcome.Unsynced, "USER_CREATION_OFF"),
        new("existing account by email already equal: adopt without a write", Toggles.All, Ada, Link.None, Lookup.Of(Matching), Kind.Adopt, DocusignUserId: DocusignId, Adopts: true),
        new("existing account by email differs, updates on: adopt and update", Toggles.All, Ada, Link.None, Lookup.Of(Differing), Kind.Update, DocusignUserId: DocusignId, Adopts: true),
        new("existing account by email differs, updates off: link it, partially synced", Toggles.All with { Update = false }, Ada, Link.None, Lookup.Of(Differing), Kind.Skip, SyncOutcome.PartiallySynced, "USER_UPDATES_OFF", DocusignId),
        new("existing account by email differs, creation off: adopting is not creating", Toggles.All with { Create = false }, Ada, Link.None, Lookup.Of(Differing), Kind.Update, DocusignUserId: DocusignId, Adopts: true),
        new("existing closed account by email, creation on: reactivate it", Toggles.All, Ada, Link.None, Lookup.Of(Closed), Kind.Reactivate, DocusignUserId: DocusignId, Adopts: true),
        new("existing closed account by email, creation off: unsynced", Toggles.All with { Create = false }, Ada, Link.None, Lookup.Of(Closed), Kind.Skip, SyncOutcome.Unsynced, "USER_CREATION_OFF"),
        new("existing closed account, no userStatus mapping: reopened all the same", Toggles.All with { StatusMapping = null }, Ada, Link.None, Lookup.Of(Closed), Kind.Reactivate, DocusignUserId: DocusignId, Adopts: true),

        // Linked, event path (Docusign not read: the link's hash decides).
        new("linked, hash equal: nothing to write", Toggles.All, Ada, Link.Current, Lookup.NotDone, Kind.Unchanged),
        new("linked, PingOne changed, updates on: update the linked user", Toggles.All, Ada, Link.Stale, Lookup.NotDone, Kind.Update, DocusignUserId: DocusignId),
        new("linked, PingOne changed, updates off: partially synced, link kept", Toggles.All with { Update = false }, Ada, Link.Stale, Lookup.NotDone, Kind.Skip, SyncOutcome.PartiallySynced, "USER_UPDATES_OFF"),
        new("linked, PingOne changed, creation off: updates do not need creation", Toggles.All with { Create = false }, Ada, Link.Stale, Lookup.NotDone, Kind.Update, DocusignUserId: DocusignId),
        new("linked, PingOne user disabled: close the Docusign user", Toggles.All, DisabledAda, Link.Stale, Lookup.NotDone, Kind.Close, DocusignUserId: DocusignId),
        new("linked, PingOne user disabled, updates off: partially synced", Toggles.All with { Update = false }, DisabledAda, Link.Stale, Lookup.NotDone, Kind.Skip, SyncOutcome.PartiallySynced, "USER_UPDATES_OFF"),

        // Linked, resync path (Docusign read: what it holds decides, not the hash).
        new("linked, Docusign equal: unchanged, link refreshed", Toggles.All, Ada, Link.Stale, Lookup.Of(Matching), Kind.Unchanged, DocusignUserId: DocusignId),
        new("linked, hash equal but Docusign changed: repaired", Toggles.All, Ada, Link.Current, Lookup.Of(Differing), Kind.Update, DocusignUserId: DocusignId),
        new("linked, Docusign user gone and no account by email: create again", Toggles.All, Ada, Link.Current, Lookup.Nobody, Kind.Create),
        new("linked, closed in Docusign, PingOne user enabled: reactivate", Toggles.All, Ada, Link.Current, Lookup.Of(Closed), Kind.Reactivate, DocusignUserId: DocusignId),
        new("linked, closed in Docusign, updates off: partially synced, not reactivated", Toggles.All with { Update = false }, Ada, Link.Current, Lookup.Of(Closed), Kind.Skip, SyncOutcome.PartiallySynced, "USER_UPDATES_OFF"),
        new("linked, closed in Docusign, creation off: reopening a provisioned user is an update", Toggles.All with { Create = false }, Ada, Link.Current, Lookup.Of(Closed), Kind.Reactivate, DocusignUserId: DocusignId),
        new("linked, closed in Docusign, no userStatus mapping: status left alone", Toggles.All with { StatusMapping = null }, Ada, Link.Current, Lookup.Of(Closed), Kind.Unchanged, DocusignUserId: DocusignId),
        new("linked, PingOne user disabled, Docusign already closed: unchanged", Toggles.All, DisabledAda, Link.Stale, Lookup.Of(Closed), Kind.Unchanged, DocusignUserId: DocusignId),
        new("linked, PingOne user disabled, Docusign active: close", Toggles.All, DisabledAda, Link.Stale, Lookup.Of(Matching), Kind.Close, DocusignUserId: DocusignId),
        new("linked, email changed in PingOne: update", Toggles.All, Ada, Link.Stale, Lookup.Of(OldEmail), Kind.Update, DocusignUserId: DocusignId),

        // Disabled PingOne users without a Docusign account.
        new("disabled PingOne user, no Docusign user: already right", Toggles.All, DisabledAda, Link.None, Lookup.Nobody, Kind.Unchanged),
        new("disabled PingOne user, active account by email: adopt and close", Toggles.All, DisabledAda, Link.None, Lookup.Of(Matching), Kind.Close, DocusignUserId: DocusignId, Adopts: true),

        // Leaving scope or deleted: the Remove Action.
        new("deleted, linked, deprovision on, Remove Action Delete: close and unlink", Toggles.All, null, Link.Current, Lookup.NotDone, Kind.Deprovision, DocusignUserId: DocusignId),
        new("deleted, linked, deprovision on, updates off: deprovisioning does not need updates", Toggles.All with { Update = false }, null, Link.Current, Lookup.NotDone, Kind.Deprovision, DocusignUserId: DocusignId),
        new("deleted, linked, deprovision off: unlink only, Docusign user kept", Toggles.All with { Deprovision = false }, null, Link.Current, Lookup.NotDone, Kind.Unlink, DocusignUserId: DocusignId),
        new("deleted, linked, Remove Action Disable: fails, never turned into a close", Toggles.All with { Remove = RemoveAction.Disable }, null, Link.Current, Lookup.NotDone, Kind.Fail, SyncOutcome.Failed, "REMOVE_ACTION_NOT_SUPPORTED"),
        new("deleted, never linked: forget", Toggles.All, null, Link.None, Lookup.NotDone, Kind.Forget),
        new("left scope, linked: close and unlink", Toggles.All, ClerkAda, Link.Current, Lookup.NotDone, Kind.Deprovision, DocusignUserId: DocusignId),
        new("left scope, linked, deprovision off: unlink only", Toggles.All with { Deprovision = false }, ClerkAda, Link.Current, Lookup.NotDone, Kind.Unlink, DocusignUserId: DocusignId),
        new("out of scope, never linked: forget, even with Docusign read", Toggles.All, ClerkAda, Link.None, Lookup.Of(Matching), Kind.Forget),

        // Users the rule cannot express.
        new("userStatus mapped to Disabled: fails as not supported by Docusign", Toggles.All with { StatusMapping = "#root.enabled ? 'Active' : 'Disabled'" }, DisabledAda, Link.Current, Lookup.NotDone, Kind.Fail, SyncOutcome.Failed, "USER_STATUS_NOT_SUPPORTED"),
        new("no email to map: fails as unmappable", Toggles.All, Ada with { Email = null }, Link.None, Lookup.NotDone, Kind.Fail, SyncOutcome.Failed, "UNMAPPABLE_USER"),
    }.ToDictionary(row => row.Name, StringComparer.Ordinal);

    public static TheoryData<string> RowNames => [.. Rows.Keys];

    [Theory]
    [MemberData(nameof(RowNames))]
    public void Each_user_action_row_decides_one_Docusign_action(string row)
    {
        var given = Rows[row];
        var rule = Rule(given.Toggles);

        var action = OutboundUserDecision.Decide(rule, given.User, given.Link.For(rule), given.Lookup.Value);

        Assert.Equal(
            (given.Kind, given.Outcome, given.ErrorCode, given.DocusignUserId, given.Adopts),
            (action.Kind, action.Outcome, action.ErrorCode, action.DocusignUserId, action.Adopts));
    }

    [Fact]
    public void A_create_carries_the_mapped_attributes_and_previews_them()
    {
        var action = OutboundUserDecision.Decide(Rule(Toggles.All), Ada, null, DocusignUserLookup.Of(null));

        Assert.Equal(new NewDocusignUser("Ada Lovelace", "ada@example.com") { FirstName = "Ada", LastName = "Lovelace", JobTitle = "Analyst" }, action.NewUser);
        Assert.Equal(["userName", "email", "firstName", "lastName", "jobTitle"], action.Changes.Select(change => change.Attribute));
        Assert.Equal(action.Wanted!.Hash, action.LinkHash);
    }

    [Fact]
    public void An_update_names_only_the_changed_attributes_and_sends_the_email_only_when_it_changed()
    {
        var rule = Rule(Toggles.All);

        var titleOnly = OutboundUserDecision.Decide(rule, Ada, Link.Stale.For(rule), DocusignUserLookup.Of(Differing));
        var emailToo = OutboundUserDecision.Decide(rule, Ada, Link.Stale.For(rule), DocusignUserLookup.Of(OldEmail));

        Assert.Equal([new AttributeChange("jobTitle", "Countess", "Analyst")], titleOnly.Changes);
        Assert.Null(titleOnly.Update!.Email);
        Assert.Equal([new AttributeChange("email", "ada@old.example.com", "ada@example.com")], emailToo.Changes);
        Assert.Equal("ada@example.com", emailToo.Update!.Email);
    }

    [Fact]
    public void The_event_path_sends_the_email_when_it_differs_from_the_linked_one()
    {
        var rule = Rule(Toggles.All);
        var link = Link.Stale.For(rule)! with { Email = "ada@old.example.com" };

        var action = OutboundUserDecision.Decide(rule, Ada, link, DocusignUserLookup.NotDone);

        Assert.Equal(new DocusignUserUpdate(DocusignId) { UserName = "Ada Lovelace", Email = "ada@example.com", FirstName = "Ada", LastName = "Lovelace", JobTitle = "Analyst" }, action.Update);
    }

    [Fact]
    public void A_reactivation_reposts_the_closed_users_own_name_and_email()
    {
        var closed = Closed with { UserName = "A. Lovelace", Email = "ADA@example.com" };

        var action = OutboundUserDecision.Decide(Rule(Toggles.All), Ada, null, DocusignUserLookup.Of(closed));

        Assert.Equal(("A. Lovelace", "ADA@example.com"), (action.NewUser!.UserName, action.NewUser.Email));
        Assert.Equal(new AttributeChange("userStatus", "Closed", "reactivated"), action.Changes[0]);
    }

    [Fact]
    public void A_resync_logs_the_planned_write_by_its_kind_with_the_attribute_names_and_resync_as_the_reason_for_want_of_an_event()
    {
        var rule = Rule(Toggles.All);

        var update = ResyncChangeDetail.For(OutboundUserDecision.Decide(rule, Ada, Link.Stale.For(rule), DocusignUserLookup.Of(Differing)));
        var reactivate = ResyncChangeDetail.For(OutboundUserDecision.Decide(rule, Ada, null, DocusignUserLookup.Of(Closed)));
        var skip = ResyncChangeDetail.For(OutboundUserDecision.Decide(Rule(Toggles.All with { Update = false }), Ada, Link.Stale.For(rule), DocusignUserLookup.Of(Differing)));

        Assert.Equal(("update", null, ResyncChangeDetail.Reason), (update.Action, update.EventId, update.Reason));
        Assert.Equal(["jobTitle"], update.ChangedAttributes);
        Assert.Equal("reactivate", reactivate.Action);
        Assert.Equal("skip", skip.Action);
        Assert.Empty(skip.ChangedAttributes);
    }

    [Fact]
    public void A_skipped_write_links_with_an_empty_hash_so_the_next_change_compares_again()
    {
        var action = OutboundUserDecision.Decide(Rule(Toggles.All with { Update = false }), Ada, null, DocusignUserLookup.Of(Differing));

        Assert.Equal(string.Empty, action.LinkHash);
    }

    private static CompiledOutboundRule Rule(Toggles toggles)
    {
        var mappings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (toggles.StatusMapping is { } status)
        {
            mappings["userStatus"] = status;
        }

        Assert.Empty(UserAttributeMapping.Compile(mappings, out var mapping));
        var options = new OutboundRuleOptions
        {
            SourceEnvironmentId = "env",
            TargetConnection = "docusign",
            UserActions = new UserActionsOptions
            {
                CreateUsers = toggles.Create,
                UpdateUsers = toggles.Update,
                DeprovisionUsers = toggles.Deprovision,
                RemoveAction = toggles.Remove,
            },
        };
        var scope = RuleScope.Compile(new RuleScopeOptions { Conditions = [new ScopeConditionOptions { Attribute = "title", Value = "Analyst" }] });
        return new CompiledOutboundRule("rule", options, mapping!) { Scope = scope };
    }

    /// <summary>The rule's user actions and its userStatus mapping (null: none).</summary>
    private sealed record Toggles(bool Create, bool Update, bool Deprovision, RemoveAction Remove, string? StatusMapping)
    {
        public static Toggles All { get; } = new(true, true, true, RemoveAction.Delete, EnabledToStatus);
    }

    /// <summary>The rule's stored link: none, one whose hash is what Ada maps to now, or one from an older state.</summary>
    private sealed record Link(string Name, bool Exists, bool HashIsCurrent)
    {
        public static Link None { get; } = new("none", false, false);
        public static Link Current { get; } = new("current", true, true);
        public static Link Stale { get; } = new("stale", true, false);

        public UserLink? For(CompiledOutboundRule rule)
        {
            if (!Exists)
            {
                return null;
            }

            var hash = HashIsCurrent ? rule.Mapping.Map(PingOneUserAttributes.From(Ada)).Hash() : "an-older-state";
            return new UserLink(rule.Name, Ada.Id, DocusignId, "ada@example.com", hash, Ada.UpdatedAt!.Value, Ada.UpdatedAt.Value);
        }
    }

    private sealed record Lookup(DocusignUserLookup Value)
    {
        public static Lookup NotDone { get; } = new(DocusignUserLookup.NotDone);
        public static Lookup Nobody { get; } = new(DocusignUserLookup.Of(null));

        public static Lookup Of(DocusignUser user) => new(DocusignUserLookup.Of(user));
    }

    private sealed record Row(
        string Name,
        Toggles Toggles,
        PingOneUser? User,
        Link Link,
        Lookup Lookup,
        Kind Kind,
        SyncOutcome Outcome = SyncOutcome.Success,
        string? ErrorCode = null,
        string? DocusignUserId = null,
        bool Adopts = false);
}
