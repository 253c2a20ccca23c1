using ProvisioningBus.Contracts;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.Inbound.Users;
using ProvisioningBus.PingOne;
using ProvisioningBus.PingOne.Users;
using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Ledger;
using Kind = ProvisioningBus.Inbound.Users.InboundUserActionKind;

namespace ProvisioningBus.Inbound.Tests.Users;

/// <summary>
/// Mission §5 as one table: every row is one Docusign user's state, the rule's link and what PingOne holds, and the one
/// thing the inbound decision must answer. Pure: no broker, no store, no emulator.
/// </summary>
public sealed class InboundUserDecisionTests
{
    private const string DocusignId = "d-1";
    private const string Population = "pop-1";

    private static readonly DocusignUserAttributes Active = new()
    {
        UserName = "ada",
        Email = "ada@example.com",
        FirstName = "Ada",
        LastName = "Lovelace",
        JobTitle = "Analyst",
        UserStatus = "Active",
    };

    private static readonly DocusignUserAttributes Closed = Active with { UserStatus = "Closed" };

    /// <summary>What the default mappings make of <see cref="Active"/>, as PingOne would hold it.</summary>
    private static readonly PingOneUser Equal = new()
    {
        Id = "p-linked",
        Username = "ada",
        Email = "ada@example.com",
        Name = new PingOneUserName { Given = "Ada", Family = "Lovelace" },
        Title = "Analyst",
        Population = new PingOneReference(Population),
    };

    private static readonly PingOneUser Differing = Equal with { Title = "Countess" };

    private static readonly PingOneUser OursInPopulation = Equal with { Id = "p-ours", ExternalId = DocusignId, Title = "Countess" };

    private static readonly PingOneUser OursElsewhere = OursInPopulation with { Population = new PingOneReference("pop-other") };

    private static readonly PingOneUser SomeoneElse = Equal with { Id = "p-other" };

    private static readonly Dictionary<string, Row> Rows = new Row[]
    {
        // Appeared or changed, and provisioned by the rule.
        new("provisioned, PingOne not read yet: read it first", Rule.Default, Active, Linked: false, Read.NotYet, Kind.LookUpPingOne),
        new("provisioned, unlinked, nobody in PingOne: create", Rule.Default, Active, Linked: false, Read.Nobody, Kind.Create),
        new("provisioned, unlinked, our own create whose link was lost: adopt", Rule.Default, Active, Linked: false, Read.Of(byExternalId: OursInPopulation), Kind.Adopt, "p-ours"),
        new("provisioned, unlinked, externalId match in another population: left alone", Rule.Default, Active, Linked: false, Read.Of(byExternalId: OursElsewhere), Kind.LeaveExisting, "p-ours", SyncOutcome.Unsynced, "EXISTING_USER_NOT_OWNED"),
        new("provisioned, unlinked, same username not ours: left alone", Rule.Default, Active, Linked: false, Read.Of(byUsername: SomeoneElse), Kind.LeaveExisting, "p-other", SyncOutcome.Unsynced, "EXISTING_USER_NOT_OWNED"),
        new("provisioned, unlinked, same email not ours: left alone", Rule.Default, Active, Linked: false, Read.Of(byEmail: SomeoneElse), Kind.LeaveExisting, "p-other", SyncOutcome.Unsynced, "EXISTING_USER_NOT_OWNED"),
        new("provisioned, linked, PingOne equal: unchanged", Rule.Default, Active, Linked: true, Read.Of(linked: Equal), Kind.Unchanged, "p-linked"),
        new("provisioned, linked, PingOne differs: update", Rule.Default, Active, Linked: true, Read.Of(linked: Differing), Kind.Update, "p-linked"),
        new("provisioned, linked, also a username match: the link wins", Rule.Default, Active, Linked: true, Read.Of(linked: Differing, byUsername: SomeoneElse), Kind.Update, "p-linked"),
        new("provisioned, linked, PingOne user deleted meanwhile: create again", Rule.Default, Active, Linked: true, Read.Nobody, Kind.Create),
        new("Sync Only Active Users off: a closed Docusign user is provisioned too", Rule.Default, Closed, Linked: false, Read.Nobody, Kind.Create),

        // No longer provisioned.
        new("disappeared or filtered out, linked: delete", Rule.Default, null, Linked: true, Read.NotYet, Kind.Delete, "p-linked", null),
        new("disappeared or filtered out, never linked: nothing, ledger entry forgotten", Rule.Default, null, Linked: false, Read.NotYet, Kind.NotProvisioned, null, null),
        new("not Active under Sync Only Active Users, linked: delete", Rule.ActiveOnly, Closed, Linked: true, Read.NotYet, Kind.Delete, "p-linked", null),
        new("not Active under Sync Only Active Users, never linked: skipped", Rule.ActiveOnly, Closed, Linked: false, Read.NotYet, Kind.NotProvisioned, null, SyncOutcome.Skipped, "NOT_ACTIVE"),
        new("Active under Sync Only Active Users: provisioned", Rule.ActiveOnly, Active, Linked: false, Read.Nobody, Kind.Create),

        // Users the rule cannot express.
        new("no email to map: fails as unmappable", Rule.Default, Active with { Email = " " }, Linked: false, Read.Nobody, Kind.Fail, null, SyncOutcome.Failed, "UNMAPPABLE_USER"),
    }.ToDictionary(row => row.Name, StringComparer.Ordinal);

    public static TheoryData<string> RowNames => [.. Rows.Keys];

    [Theory]
    [MemberData(nameof(RowNames))]
    public void Each_inbound_row_decides_one_PingOne_action(string row)
    {
        var given = Rows[row];
        var link = given.Linked ? new InboundLink("rule", DocusignId, Equal.Id, DateTimeOffset.UnixEpoch) : null;

        var action = InboundUserDecision.Decide(given.Rule.Compile(), DocusignId, given.User, link, given.Read.Value);

        Assert.Equal(
            (given.Kind, given.PingOneUserId, given.Outcome, given.ErrorCode),
            (action.Kind, action.PingOneUserId, action.Outcome, action.ErrorCode));
    }

    [Fact]
    public void A_create_carries_the_externalId_and_the_rules_population()
    {
        var action = InboundUserDecision.Decide(Rule.Default.Compile(), DocusignId, Active, null, Read.Nobody.Value);

        Assert.Equal((DocusignId, Population), (action.NewUser!.ExternalId, action.NewUser.Population!.Id));
        Assert.Contains(new PingOneAttributeChange("population.id", null, Population), action.Changes);
    }

    [Fact]
    public void An_update_patches_and_previews_only_what_differs()
    {
        var action = InboundUserDecision.Decide(Rule.Default.Compile(), DocusignId, Active, new InboundLink("rule", DocusignId, Equal.Id, DateTimeOffset.UnixEpoch), Read.Of(linked: Differing).Value);

        Assert.Equal(new PingOneUserPatch { Title = "Analyst" }, action.Patch);
        Assert.Equal([new PingOneAttributeChange("title", "Countess", "Analyst")], action.Changes);
    }

    [Fact]
    public void An_adoption_patches_what_differs_and_an_equal_one_writes_nothing()
    {
        var rule = Rule.Default.Compile();

        var differing = InboundUserDecision.Decide(rule, DocusignId, Active, null, Read.Of(byExternalId: OursInPopulation).Value);
        var equal = InboundUserDecision.Decide(rule, DocusignId, Active, null, Read.Of(byExternalId: OursInPopulation with { Title = "Analyst" }).Value);

        Assert.Equal(new PingOneUserPatch { Title = "Analyst" }, differing.Patch);
        Assert.Equal((Kind.Adopt, null), (equal.Kind, equal.Patch));
    }

    private sealed record Rule(bool SyncOnlyActiveUsers)
    {
        public static Rule Default { get; } = new(false);
        public static Rule ActiveOnly { get; } = new(true);

        public CompiledInboundRule Compile()
        {
            Assert.Empty(PingOneAttributeMapping.Compile(new Dictionary<string, string>(StringComparer.Ordinal), out var mapping));
            Assert.Empty(DocusignUserFilter.Compile(new InboundUserFilterOptions(), out var filter));
            var options = new InboundRuleOptions
            {
                SourceConnection = "docusign",
                TargetEnvironmentId = "env",
                TargetPopulationId = Population,
                SyncOnlyActiveUsers = SyncOnlyActiveUsers,
            };
            return new CompiledInboundRule("rule", options, mapping!, filter!);
        }
    }

    private sealed record Read(PingOneUserLookup? Value)
    {
        public static Read NotYet { get; } = new((PingOneUserLookup?)null);
        public static Read Nobody { get; } = new(new PingOneUserLookup(null, null, null, null));

        public static Read Of(PingOneUser? linked = null, PingOneUser? byExternalId = null, PingOneUser? byUsername = null, PingOneUser? byEmail = null) =>
            new(new PingOneUserLookup(linked, byExternalId, byUsername, byEmail));
    }

    private sealed record Row(
        string Name,
        Rule Rule,
        DocusignUserAttributes? User,
        bool Linked,
        Read Read,
        Kind Kind,
        string? PingOneUserId = null,
        SyncOutcome? Outcome = SyncOutcome.Success,
        string? ErrorCode = null);
}
