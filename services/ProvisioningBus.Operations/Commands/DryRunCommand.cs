using System.CommandLine;
using Microsoft.Extensions.Options;
using ProvisioningBus.Core.Connections;
using ProvisioningBus.Core.Rules;
using ProvisioningBus.Core.Rules.Inbound;
using ProvisioningBus.Docusign;
using ProvisioningBus.Inbound;
using ProvisioningBus.Inbound.Rules;
using ProvisioningBus.Inbound.Sync;
using ProvisioningBus.Outbound;
using ProvisioningBus.Outbound.Resync;
using ProvisioningBus.Outbound.Rules;
using ProvisioningBus.PingOne;
using ProvisioningBus.State;

namespace ProvisioningBus.Operations.Commands;

/// <summary>
/// <c>dry-run &lt;rule&gt;</c>: what a full sync of the rule would create, update and delete, from reads of both sides
/// and the store. It builds the worker's registrations but never starts the host, so no bus, poller or rule start-up
/// runs; the only write is the store's rotation of a Docusign refresh token (Docusign spends the old one on use).
/// </summary>
public static class DryRunCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var rule = new Argument<string>("rule") { Description = "The rule to preview." };
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON." };
        var command = new Command("dry-run", "Preview what a full sync of a rule would create / update / delete, writing nothing to PingOne or Docusign.") { rule, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var ruleName = parse.GetValue(rule)!;
            var outbound = cli.Configuration.GetSection($"{OutboundOptions.SectionName}:Rules:{ruleName}").Exists();
            if (!outbound && !cli.Configuration.GetSection($"{InboundOptions.SectionName}:Rules:{ruleName}").Exists())
            {
                cli.Error.WriteLine($"No rule named '{ruleName}' is configured (known: {string.Join(", ", RuleNames.All(cli.Configuration))}).");
                return ExitCodes.NotFound;
            }

            DryRunReport report;
            try
            {
                report = outbound
                    ? await PlanOutboundAsync(cli, ruleName, cancellationToken)
                    : await PlanInboundAsync(cli, ruleName, cancellationToken);
            }
            catch (OptionsValidationException exception)
            {
                foreach (var failure in exception.Failures)
                {
                    cli.Error.WriteLine(failure);
                }

                return ExitCodes.InvalidConfiguration;
            }
            catch (InvalidOperationException exception)
            {
                cli.Error.WriteLine(exception.Message);
                return ExitCodes.InvalidConfiguration;
            }
            catch (Exception exception) when (exception is DocusignApiException or PingOneApiException or HttpRequestException)
            {
                // Client exceptions carry no secrets (the Docusign and PingOne clients guarantee it).
                cli.Error.WriteLine($"Reading the rule's systems failed: {exception.GetType().Name}: {exception.Message}");
                return ExitCodes.RemoteFailure;
            }

            if (parse.GetValue(json))
            {
                cli.WriteJson(report);
            }
            else
            {
                Write(cli.Output, report);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<DryRunReport> PlanOutboundAsync(CliContext cli, string ruleName, CancellationToken ct)
    {
        using var host = cli.BuildHost(builder => builder.AddOutbound(registerBus: false));
        var services = host.Services;
        // Options validation runs when the value is first read; the catalog compiles the mappings.
        var compiled = services.GetRequiredService<OutboundRuleCatalog>().Find(ruleName)
            ?? throw new InvalidOperationException($"Outbound rule '{ruleName}' is not in the compiled catalog.");
        // The host is not started, so the schema initializer did not run: the refresh-token store needs its table.
        await services.GetRequiredService<IProvisioningStore>().EnsureSchemaAsync(ct);
        var plan = await ActivatorUtilities.CreateInstance<OutboundResyncPlanner>(services).PlanAsync(compiled, ct);

        var guard = new MassDeletionVerdict(plan.Closing, plan.Linked, OutboundDeletionHold.HoldReason(compiled, plan));
        var entities = new List<DryRunEntity>();
        entities.AddRange(plan.Creates.Select(write => Entity(write.ExistingDocusignUserId is null ? "create" : "reactivate", write)));
        entities.AddRange(plan.Updates.Select(write => Entity("update", write)));
        entities.AddRange(plan.Closes.Select(write => Entity("close", write) with
        {
            Reason = guard.Holds ? "Held by the mass-deletion guard until approved." : null, HeldByGuard = guard.Holds,
        }));
        entities.AddRange(plan.Deprovisions.Select(link => new DryRunEntity(
            "close", link.PingOneUserId, link.Email, link.DocusignUserId, [new DryRunChange("userStatus", null, "Closed")],
            guard.Holds ? "No longer in the rule's scope; held by the mass-deletion guard until approved." : "No longer in the rule's scope.", guard.Holds)));
        entities.AddRange(plan.Unlinks.Select(link => new DryRunEntity(
            "unlink", link.PingOneUserId, link.Email, link.DocusignUserId, [],
            "No longer in the rule's scope; 'Deprovision users' is off, so the Docusign user is kept and only unlinked.")));
        var skipped = plan.Settles.Where(settle => settle.Outcome != State.Ledger.SyncOutcome.Success).ToList();
        entities.AddRange(skipped.Select(settle => new DryRunEntity(
            "skip", settle.Subject.PingOneUserId, settle.Subject.DisplayName, settle.DocusignUserId, [], $"{settle.ErrorCode}: {settle.ErrorMessage}")));

        var counts = new Dictionary<string, long>
        {
            ["create"] = plan.Creates.Count,
            ["update"] = plan.Updates.Count,
            ["close"] = guard.Holds ? 0 : plan.Closing,
            ["heldCloses"] = guard.Holds ? plan.Closing : 0,
            ["unlink"] = plan.Unlinks.Count,
            ["unchanged"] = plan.Settles.Count - skipped.Count,
            ["skip"] = skipped.Count,
        };
        var enabled = compiled.Options.Enabled && services.GetRequiredService<ConnectionSwitch>().IsEnabled(compiled.Options.TargetConnection);
        return new DryRunReport(ruleName, "outbound", enabled, counts, entities, guard);

        static DryRunEntity Entity(string action, PlannedUserWrite write) => new(
            action,
            write.Subject.PingOneUserId,
            write.Subject.DisplayName,
            write.ExistingDocusignUserId,
            [.. write.Changes.Select(change => new DryRunChange(change.Attribute, change.From, change.To))],
            null);
    }

    private static async Task<DryRunReport> PlanInboundAsync(CliContext cli, string ruleName, CancellationToken ct)
    {
        using var host = cli.BuildHost(builder => builder.AddInbound(registerBus: false));
        var services = host.Services;
        var compiled = services.GetRequiredService<InboundRuleCatalog>().Find(ruleName)
            ?? throw new InvalidOperationException($"Inbound rule '{ruleName}' is not in the compiled catalog.");
        await services.GetRequiredService<IProvisioningStore>().EnsureSchemaAsync(ct);
        var plan = await ActivatorUtilities.CreateInstance<InboundSyncPlanner>(services).PlanAsync(compiled, ct);

        var entities = plan.Users
            .Where(user => user.Action != PlannedPingOneAction.Unchanged)
            .Select(user => new DryRunEntity(
                ActionName(user.Action),
                user.DocusignUserId,
                user.DisplayName,
                user.PingOneUserId,
                [.. user.Changes.Select(change => new DryRunChange(change.Attribute, change.From, change.To))],
                user.HeldByGuard ? "Held by the mass-deletion guard until approved." : user.Reason,
                user.HeldByGuard))
            .ToList();
        var counts = new Dictionary<string, long>
        {
            ["appeared"] = plan.Appeared,
            ["changed"] = plan.Changed,
            ["disappeared"] = plan.Disappeared,
            ["filteredOut"] = plan.FilteredOut,
            ["create"] = plan.Creates.Count(),
            ["update"] = plan.Updates.Count(),
            ["delete"] = plan.Deletes.Count(user => !user.HeldByGuard),
            ["heldDeletions"] = plan.Deletes.Count(user => user.HeldByGuard),
            ["unchanged"] = plan.Users.Count(user => user.Action == PlannedPingOneAction.Unchanged),
            ["skip"] = plan.Users.Count(user => user.Action is PlannedPingOneAction.LeaveExisting or PlannedPingOneAction.NotProvisioned or PlannedPingOneAction.Fail),
        };
        return new DryRunReport(ruleName, "inbound", plan.Enabled, counts, entities, plan.Guard);
    }

    private static string ActionName(PlannedPingOneAction action) => action switch
    {
        PlannedPingOneAction.LeaveExisting => "leave-existing",
        PlannedPingOneAction.NotProvisioned => "not-provisioned",
        _ => action.ToString().ToLowerInvariant(),
    };

    private static void Write(TextWriter output, DryRunReport report)
    {
        output.WriteLine($"Dry run of {report.Direction} rule '{report.Rule}' (nothing was written):");
        output.WriteLine("  " + string.Join(", ", report.Counts.Select(count => $"{count.Key} {count.Value}")));
        if (!report.Enabled)
        {
            output.WriteLine("  The rule or its connection is disabled: a sync would not run until it is enabled.");
        }

        if (report.Guard is { } guard)
        {
            output.WriteLine(guard.Holds
                ? $"  Mass-deletion guard: would hold {guard.Deletions} deletion(s). {guard.Reason}"
                : $"  Mass-deletion guard: {guard.Deletions} deletion(s) of {guard.Provisioned} provisioned users would go.");
        }

        if (report.Entities.Count == 0)
        {
            output.WriteLine("Nothing to write.");
            return;
        }

        output.WriteLine($"{"ACTION",-16} {"SOURCE ID",-38} {"NAME",-32} {"TARGET ID",-38} CHANGES");
        foreach (var entity in report.Entities)
        {
            var changes = string.Join("; ", entity.Changes.Select(change => $"{change.Attribute}: {change.From ?? "∅"} → {change.To ?? "∅"}"));
            var detail = entity.Reason is null ? changes : string.IsNullOrEmpty(changes) ? entity.Reason : $"{changes} ({entity.Reason})";
            output.WriteLine($"{entity.Action,-16} {entity.SourceId,-38} {entity.Name,-32} {entity.TargetId ?? "-",-38} {detail}");
        }
    }
}
