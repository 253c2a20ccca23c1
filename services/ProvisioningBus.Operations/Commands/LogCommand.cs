using System.CommandLine;
using ProvisioningBus.Core.Hosting;
using ProvisioningBus.Core.ProvisioningLog;
using ProvisioningBus.State;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Operations.Commands;

/// <summary>
/// <c>log [--rule] [--entity] [--outcome] [--since] [--until] [--offset] [--limit] [--format table|json|csv]</c>: the
/// provisioning log, newest first, with the same filters as <c>GET /api/log</c>.
/// </summary>
public static class LogCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var rule = new Option<string?>("--rule") { Description = "Only this rule's entries." };
        var entity = new Option<string?>("--entity") { Description = "Only this entity (its id or display name)." };
        var outcome = new Option<string?>("--outcome") { Description = "success, skipped or failed." };
        var since = new Option<string?>("--since") { Description = "From this instant (ISO 8601, UTC unless an offset is given) or age (15m, 2h, 7d)." };
        var until = new Option<string?>("--until") { Description = "Before this instant or age." };
        var offset = new Option<int>("--offset") { Description = "Skip this many entries (paging)." };
        var limit = new Option<int>("--limit") { Description = $"At most this many entries (1 to {ProvisioningLogQuery.MaxLimit}).", DefaultValueFactory = _ => ProvisioningLogQuery.DefaultLimit };
        var format = new Option<string>("--format") { Description = "table, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("log", "The provisioning log: each change applied, skipped or failed, and each operator action (newest first).")
        {
            rule, entity, outcome, since, until, offset, limit, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            var (query, error) = LogFilter.Parse(
                parse.GetValue(rule), parse.GetValue(entity), parse.GetValue(outcome), parse.GetValue(since), parse.GetValue(until),
                parse.GetValue(offset), parse.GetValue(limit), DateTimeOffset.UtcNow);
            if (query is null)
            {
                cli.Error.WriteLine(error);
                return ExitCodes.InvalidConfiguration;
            }

            cli.RequireExistingStore();
            using var host = await cli.StartHostAsync(builder => builder.AddProvisioningStateStore(), cancellationToken);
            var page = await host.Services.GetRequiredService<IProvisioningStore>().ProvisioningLog.QueryAsync(query, cancellationToken);
            switch (parse.GetValue(format))
            {
                case "json":
                    cli.WriteJson(page);
                    break;
                case "csv":
                    LogCsv.Write(cli.Output, page.Entries);
                    break;
                default:
                    WriteTable(cli.Output, page);
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, ProvisioningLogPage page)
    {
        if (page.Entries.Count == 0)
        {
            output.WriteLine("No log entries match.");
            return;
        }

        output.WriteLine($"{"at (UTC)",-20} {"rule",-16} {"dir",-8} {"entity",-30} {"action",-12} {"outcome",-8} detail");
        foreach (var e in page.Entries)
        {
            var detail = string.Join("  ", new[]
            {
                e.ChangedAttributes.Count > 0 ? "[" + string.Join(", ", e.ChangedAttributes) + "]" : null,
                e.ErrorCode, e.Message, e.Reason, e.Actor is null ? null : "by " + e.Actor,
            }.Where(part => !string.IsNullOrEmpty(part)));
            output.WriteLine($"{e.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} {e.Rule,-16} {e.Direction,-8} {Entity(e),-30} {e.Action,-12} {e.Outcome,-8} {detail}");
        }

        if (page.NextOffset is { } next)
        {
            output.WriteLine($"More entries: --offset {next}");
        }
    }

    private static string Entity(ProvisioningLogEntry e) =>
        e.DisplayName == e.EntityId ? $"{e.EntityType} {e.EntityId}" : $"{e.EntityType} {e.DisplayName} ({e.EntityId})";
}
