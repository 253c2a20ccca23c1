using System.CommandLine;
using ProvisioningBus.Core.Messaging;
using ProvisioningBus.Core.Status;

namespace ProvisioningBus.Operations.Commands;

/// <summary><c>status [rule]</c>: each rule's summary table, as the status page shows it.</summary>
public static class StatusCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var rule = new Argument<string?>("rule") { Description = "Show only this rule.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var command = new Command("status", "Show sync status: per rule Impacted / Success / Unsynced / Partially synced / Failed for users and groups.") { rule, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            using var host = await StartStatusHostAsync(cli, cancellationToken);
            var reader = host.Services.GetRequiredService<SyncStatusReader>();
            var report = await reader.ReadAsync(cancellationToken);
            var ruleName = parse.GetValue(rule);
            var rules = ruleName is null ? report.Rules : [.. report.Rules.Where(candidate => candidate.Name == ruleName)];
            if (ruleName is not null && rules.Count == 0)
            {
                cli.Error.WriteLine($"No rule named '{ruleName}' is configured (known: {string.Join(", ", reader.RuleNames())}).");
                return ExitCodes.NotFound;
            }

            if (parse.GetValue(json))
            {
                cli.WriteJson(report with { Rules = rules });
                return ExitCodes.Success;
            }

            cli.Output.WriteLine($"{"RULE",-24} {"DIR",-8} {"STATUS",-8} {"KIND",-6} {"IMPACTED",8} {"SUCCESS",8} {"UNSYNCED",8} {"PARTIAL",8} {"FAILED",8}  {"LAST SYNC",-20}  WHY");
            foreach (var status in rules)
            {
                WriteRow(cli.Output, status, "users", status.Users);
                WriteRow(cli.Output, status, "groups", status.Groups);
            }

            WriteLastRuns(cli.Output, rules);
            WriteDescriptions(cli.Output, report, rules);
            if (report.ParkedEvents > 0)
            {
                cli.Output.WriteLine($"Parked webhook events waiting: {report.ParkedEvents} (see `errors parked`).");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Just the store and the queue reader: status needs no connection to PingOne or Docusign.</summary>
    public static Task<IHost> StartStatusHostAsync(CliContext cli, CancellationToken cancellationToken)
    {
        cli.RequireExistingStore();
        return StartHostAsync(cli, cancellationToken);
    }

    private static Task<IHost> StartHostAsync(CliContext cli, CancellationToken cancellationToken) => cli.StartHostAsync(builder =>
    {
        builder.Services.AddOptions<BusOptions>().Bind(builder.Configuration.GetSection(BusOptions.SectionName));
        builder.AddSyncStatus();
    }, cancellationToken);

    /// <summary>Below the table, so its columns stay fixed: what each rule's latest run found and did.</summary>
    private static void WriteLastRuns(TextWriter output, IReadOnlyList<RuleStatus> rules)
    {
        var runs = rules.Where(rule => rule.LastRun is not null).ToList();
        if (runs.Count == 0)
        {
            return;
        }

        output.WriteLine("Last runs:");
        foreach (var rule in runs)
        {
            var run = rule.LastRun!;
            var when = run.CompletedAt is { } completed ? $"completed {completed:u}" : $"started {run.StartedAt:u}";
            output.WriteLine($"  rule {rule.Name}: {run.Kind} {run.Status}, {when}: {run.Counts}");
        }
    }

    /// <summary>Below the table, so its columns stay fixed: the descriptions of the rules shown and of their connections.</summary>
    private static void WriteDescriptions(TextWriter output, StatusReport report, IReadOnlyList<RuleStatus> rules)
    {
        var shown = rules.Select(rule => rule.Connection).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var lines = rules.Where(rule => !string.IsNullOrWhiteSpace(rule.Description)).Select(rule => $"  rule {rule.Name}: {rule.Description}")
            .Concat(report.Connections.Where(connection => shown.Contains(connection.Name) && !string.IsNullOrWhiteSpace(connection.Description))
                .Select(connection => $"  connection {connection.Name}: {connection.Description}"))
            .ToList();
        if (lines.Count > 0)
        {
            output.WriteLine("Descriptions:");
            lines.ForEach(output.WriteLine);
        }
    }

    private static void WriteRow(TextWriter output, RuleStatus rule, string kind, State.Ledger.OutcomeCounts counts) =>
        output.WriteLine($"{rule.Name,-24} {rule.Direction,-8} {rule.Status,-8} {kind,-6} {counts.Impacted,8} {counts.Success,8} {counts.Unsynced,8} {counts.PartiallySynced,8} {counts.Failed,8}  {rule.LastSyncAt?.ToString("u") ?? "never",-20}  {rule.StatusReason}".TrimEnd());
}
