using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProvisioningBus.Operations.Tests.Infrastructure;

namespace ProvisioningBus.Operations.Tests.AllInOne;

public sealed partial class FirstReadmeCommandTests
{
    private const int DemoUsers = 40;
    private const int DemoGroups = 6;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_all_in_one_host_provisions_the_demo_directory_and_the_status_page_shows_every_user_synced()
    {
        await using var host = await HostProcess.StartAsync(
            "--Host:GatewayPort=0", "--Host:DocusignEmulatorPort=0", "--Host:PingOneEmulatorPort=0", $"--Host:DemoUsers={DemoUsers}");

        var gateway = await host.WaitForGatewayAsync(Timeout);
        var statusPage = new Uri(StatusPageUrl().Match(await host.WaitForLineAsync(line => line.Contains("status page:", StringComparison.Ordinal), Timeout)).Groups[1].Value);
        await host.WaitForLineAsync(line => line.StartsWith("Initial sync complete", StringComparison.Ordinal), Timeout);

        using var anonymous = new HttpClient { BaseAddress = gateway };
        using var refused = await anonymous.GetAsync(new Uri("/api/status", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        using var http = new HttpClient { BaseAddress = gateway };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Uri.UnescapeDataString(statusPage.UserInfo.Split(':', 2)[1]));
        var status = await Eventually.MatchesAsync(
            () => http.GetFromJsonAsync<JsonElement>("/api/status"),
            report => UsersSucceeded(report) == DemoUsers && GroupsSucceeded(report) == DemoGroups,
            Timeout,
            $"the status API counts {DemoUsers} users and {DemoGroups} groups synced");
        Assert.Equal(DemoUsers, status.GetProperty("rules").EnumerateArray().First(rule => rule.GetProperty("name").GetString() == "demo").GetProperty("users").GetProperty("impacted").GetInt32());

        // The printed URL carries the demo's generated token as Basic credentials: the browser opens it as it is.
        var page = await HeadlessChromium.RenderAsync(statusPage, TimeSpan.FromSeconds(60));
        var cells = RulesRow(page);
        // Columns: rule, direction, status, last sync, next run, users impacted, success, unsynced, partially synced, failed, …
        Assert.Equal("demo", cells[0]);
        Assert.Equal("Active", cells[2]);
        Assert.Equal(DemoUsers.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[5]);
        Assert.Equal(DemoUsers.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[6]);
        Assert.Equal("0", cells[9]);
        // The demo rule's Description setting (AllInOneHost.DemoRuleDescription), in the last column.
        Assert.Equal("The demo directory's people and groups, provisioned to the emulated Docusign account", cells[^1]);

        // The provisioning log view lists the demo's creates (newest 500), and the chart draws them as success bars.
        var log = LogTable().Match(page);
        Assert.True(log.Success, $"the page has a provisioning log table:\n{page}");
        var logRows = Row().Matches(log.Groups[1].Value).Select(row => Cell().Matches(row.Groups[1].Value).Select(cell => cell.Groups[1].Value).ToList()).ToList();
        Assert.Contains(logRows, row => row[1] == "demo" && row[4] == "create" && row[6] == "success");
        var chart = Chart().Match(page);
        Assert.True(chart.Success, $"the page has the changes chart:\n{page}");
        Assert.Contains("class=\"success\"", chart.Value, StringComparison.Ordinal);

        // The budget chart draws the demo account's hourly and burst budget left, read from the budget the workers share.
        var budget = BudgetChart().Match(page);
        Assert.True(budget.Success, $"the page has the Docusign budget chart:\n{page}");
        Assert.Contains("class=\"hourly-point\"", budget.Value, StringComparison.Ordinal);
        Assert.Contains("class=\"burst-point\"", budget.Value, StringComparison.Ordinal);
        Assert.Matches("""id="budget-legend">solid: hourly, dashed: 30 s burst — demo \([^)]+\): hourly \d+/\d+ left""", page);

        // Nothing is held: the held-deletions table says so rather than showing its headers only.
        Assert.Matches("""<table id="held">.*?<tbody><tr><td[^>]*class="none"[^>]*>none</td></tr></tbody>""", page);

        // A picture of the page for people (kept with the test's output): a real PNG of a page with content.
        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "status-page.png");
        await HeadlessChromium.ScreenshotAsync(statusPage, screenshot, TimeSpan.FromSeconds(60));
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 20_000, $"the screenshot at {screenshot} is {png.Length} bytes: a blank page?");
    }

    [Fact]
    public async Task With_a_scope_that_leaves_users_out_the_demo_progress_finishes_and_says_how_many_were_out_of_scope()
    {
        // Titles go round six values, so 2 of 12 demo users are engineers.
        await using var host = await HostProcess.StartAsync(
            "--Host:GatewayPort=0", "--Host:DocusignEmulatorPort=0", "--Host:PingOneEmulatorPort=0", "--Host:DemoUsers=12",
            "--Outbound:Rules:demo:Scope:Conditions:0:Attribute=title", "--Outbound:Rules:demo:Scope:Conditions:0:Value=Engineer");

        var complete = await host.WaitForLineAsync(line => line.StartsWith("Initial sync complete", StringComparison.Ordinal), Timeout);

        Assert.Contains("2 users provisioned", complete, StringComparison.Ordinal);
        Assert.Contains("10 out of the rule's scope", complete, StringComparison.Ordinal);
    }

    private static int UsersSucceeded(JsonElement report) =>
        report.GetProperty("rules").EnumerateArray().Where(rule => rule.GetProperty("name").GetString() == "demo").Sum(rule => rule.GetProperty("users").GetProperty("success").GetInt32());

    private static int GroupsSucceeded(JsonElement report) =>
        report.GetProperty("rules").EnumerateArray().Where(rule => rule.GetProperty("name").GetString() == "demo").Sum(rule => rule.GetProperty("groups").GetProperty("success").GetInt32());

    private static string[] RulesRow(string dom)
    {
        var table = RulesTable().Match(dom);
        Assert.True(table.Success, $"the page has a rules table body:\n{dom}");
        var row = Row().Match(table.Groups[1].Value);
        Assert.True(row.Success, $"the rules table has a row:\n{table.Value}");
        return [.. Cell().Matches(row.Groups[1].Value).Select(cell => System.Net.WebUtility.HtmlDecode(cell.Groups[1].Value))];
    }

    [GeneratedRegex(@"status page:\s+(\S+)")]
    private static partial Regex StatusPageUrl();

    [GeneratedRegex("""<table id="rules">.*?<tbody>(.*?)</tbody>""", RegexOptions.Singleline)]
    private static partial Regex RulesTable();

    [GeneratedRegex("""<table id="log">.*?<tbody>(.*?)</tbody>""", RegexOptions.Singleline)]
    private static partial Regex LogTable();

    [GeneratedRegex("""<svg id="changes-chart".*?</svg>""", RegexOptions.Singleline)]
    private static partial Regex Chart();

    [GeneratedRegex("""<svg id="budget-chart".*?</svg>""", RegexOptions.Singleline)]
    private static partial Regex BudgetChart();

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
