using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.Inbound.Sync;
using ProvisioningBus.State.Inbound;
using ProvisioningBus.State.Rules;
using ProvisioningBus.State.Runs;

namespace ProvisioningBus.Inbound.Tests.Sync;

public sealed class IncrementalPollChainTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid LastRun = Guid.NewGuid();

    private static InboundRuleOptions Rule(string? organizationId = "5e1f3c7a-2b4d-4c8e-9a6f-0d2c00d0c051") => new()
    {
        SourceConnection = "demo",
        TargetEnvironmentId = "env-1",
        Incremental = { OrganizationId = organizationId },
    };

    private static InboundPollCursor Cursor(InboundRuleOptions rule, TimeSpan sinceFull) =>
        new("r", IncrementalPollChain.ConfigHash(rule), Now.AddDays(-1), Now - sinceFull, LastRun, Now.AddDays(-1));

    private static RuleState State(Guid? pendingApproval = null) =>
        new("r", RuleDirection.Inbound, "hash", Now.AddDays(-30), new TimeOnly(9, 0), Now.AddDays(-1), pendingApproval, pendingApproval is null ? null : "held");

    private static SyncRun Run(Guid id, SyncRunStatus status) =>
        new(id, "r", SyncRunKind.Daily, Now.AddDays(-1), Now.AddDays(-1), status, SyncRunCounts.None, null);

    [Fact]
    public void A_daily_run_with_an_unbroken_chain_is_incremental()
    {
        var rule = Rule();

        Assert.Null(IncrementalPollChain.FullBecause(rule, SyncRunKind.Daily, null, State(), Cursor(rule, TimeSpan.FromDays(6)), Run(LastRun, SyncRunStatus.Succeeded), Now));
    }

    [Fact]
    public void Every_break_in_the_chain_makes_the_run_full_and_says_why()
    {
        var rule = Rule();
        var cursor = Cursor(rule, TimeSpan.FromDays(1));
        var latest = Run(LastRun, SyncRunStatus.Succeeded);
        string? Full(InboundRuleOptions r, SyncRunKind kind = SyncRunKind.Daily, Guid? approval = null, RuleState? state = null, InboundPollCursor? c = null, SyncRun? last = null, bool noCursor = false) =>
            IncrementalPollChain.FullBecause(r, kind, approval, state ?? State(), noCursor ? null : c ?? cursor, last ?? latest, Now);

        Assert.Equal("incremental poll not configured", Full(Rule(organizationId: null)));
        Assert.Equal("a Manual run is always full", Full(rule, SyncRunKind.Manual));
        Assert.Equal("a FullResync run is always full", Full(rule, SyncRunKind.FullResync));
        Assert.Equal("deletions await approval", Full(rule, approval: Guid.NewGuid()));
        Assert.Equal("deletions await approval", Full(rule, state: State(pendingApproval: Guid.NewGuid())));
        Assert.Equal("no previous successful run", Full(rule, noCursor: true));
        Assert.Equal("the rule's configuration changed", Full(Rule(organizationId: "00000000-0000-0000-0000-000000000001"), c: cursor));
        Assert.Equal("the rule's configuration changed", Full(new InboundRuleOptions
        {
            SourceConnection = "demo",
            TargetEnvironmentId = "env-1",
            SyncOnlyActiveUsers = true,
            Incremental = { OrganizationId = rule.Incremental.OrganizationId },
        }));
        Assert.StartsWith("the last run", Full(rule, last: Run(Guid.NewGuid(), SyncRunStatus.Failed)));
        Assert.Equal("the full snapshot is due", Full(rule, c: Cursor(rule, TimeSpan.FromDays(7))));
    }
}
