using System.Diagnostics;
using System.Text.Json;
using Docusign.Emulator;
using Microsoft.Extensions.Hosting;
using ProvisioningBus.Core.ProvisioningLog;
using ProvisioningBus.Operations;
using ProvisioningBus.Operations.Tests.Infrastructure;
using ProvisioningBus.State;
using ProvisioningBus.State.Hosting;
using ProvisioningBus.State.Ledger;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Operations.Tests.Cli;

public sealed class LogCommandTests
{
    [Fact]
    public async Task Log_exports_what_the_workers_ledger_recorded_as_csv_json_and_a_table_with_the_api_filters()
    {
        await using var docusign = await DocusignEmulator.StartAsync(new DocusignEmulatorOptions());
        using var database = new TemporaryDatabase();
        string trace;
        using (var activity = new Activity("consume").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            trace = activity.TraceId.ToHexString();
            // The services' way: the ledger queues each outcome, the background writer stores it, stopping flushes it.
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddProvisioningLog(builder.Configuration.GetSection(ProvisioningLogOptions.SectionName));
            builder.Services.AddProvisioningStore(new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = database.ConnectionString });
            using var host = builder.Build();
            await host.StartAsync();
            var ledger = host.Services.GetRequiredService<IProvisioningStore>().Ledger;
            var at = DateTimeOffset.UtcNow;
            await ledger.RecordAsync(
                new EntityOutcome("people", EntityKind.User, "p1-user", "alice", SyncOutcome.Success, null, null, at)
                {
                    Change = new ChangeDetail("create") { ChangedAttributes = ["userName", "email"], EventId = "event-7" },
                },
                CancellationToken.None);
            await ledger.RecordAsync(
                new EntityOutcome("people", EntityKind.User, "p2-user", "bob", SyncOutcome.Failed, "INVALID_EMAIL_ADDRESS_FOR_USER", "Invalid email, \"bob@\"", at),
                CancellationToken.None);
            await host.StopAsync();
        }

        var settings = Settings.For(docusign, database);
        var csv = await CliRun.InvokeAsync(settings, "log", "--rule", "people", "--format", "csv");
        var successes = await CliRun.InvokeAsync(settings, "log", "--outcome", "success", "--since", "1h", "--format", "json");
        var table = await CliRun.InvokeAsync(settings, "log", "--entity", "bob");
        var bad = await CliRun.InvokeAsync(settings, "log", "--outcome", "maybe");

        Assert.True(csv.ExitCode == ExitCodes.Success, csv.Error);
        var lines = csv.Output.TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Equal(LogCsv.Header, lines[0]);
        Assert.Equal(3, lines.Count);
        var created = Assert.Single(lines, line => line.Contains(",p1-user,", StringComparison.Ordinal)).Split(',');
        var columns = LogCsv.Header.Split(',').Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        Assert.Equal("create", created[columns["action"]]);
        Assert.Equal("userName;email", created[columns["changed_attributes"]]);
        Assert.Equal("success", created[columns["outcome"]]);
        Assert.Equal("event-7", created[columns["event_id"]]);
        Assert.Equal(trace, created[columns["trace_id"]]);
        Assert.Contains(",failed,,,INVALID_EMAIL_ADDRESS_FOR_USER,\"Invalid email, \"\"bob@\"\"\",", csv.Output, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(successes.Output);
        var entry = Assert.Single(json.RootElement.GetProperty("entries").EnumerateArray());
        Assert.Equal("alice", entry.GetProperty("displayName").GetString());

        Assert.Contains("INVALID_EMAIL_ADDRESS_FOR_USER", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", table.Output, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.InvalidConfiguration, bad.ExitCode);
        Assert.Contains("outcome must be one of success, skipped, failed", bad.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(null, "")]
    public void Csv_fields_are_quoted_only_when_they_must_be(string? value, string expected) =>
        Assert.Equal(expected, LogCsv.Field(value));

    [Theory]
    [InlineData("2h", null, 2 * 60)]
    [InlineData("2025-03-01T08:00:00Z", null, 60)]
    [InlineData("2025-03-01T08:00:00", null, 60)]
    public void Since_takes_an_instant_or_an_age(string since, string? until, int minutesBeforeNow)
    {
        var now = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var (query, error) = LogFilter.Parse(null, null, null, since, until, null, null, now);
        Assert.Null(error);
        Assert.Equal(now.AddMinutes(-minutesBeforeNow), query!.Since);
    }

    [Theory]
    [InlineData("yesterday", null, null, "since ")]
    [InlineData(null, "soon", null, "until ")]
    [InlineData(null, null, 0, "limit ")]
    public void A_bad_filter_names_its_parameter(string? since, string? until, int? limit, string named)
    {
        var (query, error) = LogFilter.Parse(null, null, null, since, until, null, limit, DateTimeOffset.UtcNow);
        Assert.Null(query);
        Assert.StartsWith(named, error, StringComparison.Ordinal);
    }
}
