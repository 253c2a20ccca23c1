using System.Text;

namespace ProvisioningBus.PingOne.Tests.Webhooks;

/// <summary>
/// The ACTIVITY events quoted in pingone-api.md §1.5, copied verbatim into TestData. The fact sheet elides
/// repeated fields with <c>"…":"…"</c>; <see cref="Completed"/> fills those with the fields the first audit
/// example shows, so the shapes stay the real ones.
/// </summary>
internal static class FactSheetExamples
{
    private const string Elision = "\"…\":\"…\"";

    private const string HeaderOfFirstAuditExample =
        "\"id\":\"evt-#\",\"recordedAt\":\"2022-07-13T17:25:28.877Z\",\"createdAt\":\"2022-07-13T17:25:28.895Z\",\"correlationId\":\"…\","
        + "\"actors\":{\"client\":{\"id\":\"adminui\",\"name\":\"adminui\",\"type\":\"CLIENT\"},\"user\":{\"id\":\"…\",\"name\":\"example@gmail.com\",\"environment\":{\"id\":\"<env>\"},\"population\":{},\"href\":\"…\",\"type\":\"USER\"}}";

    private const string ResourceFieldsOfFirstAuditExample =
        "\"environment\":{\"id\":\"<env>\"},\"href\":\"https://api.pingone.asia/v1/environments/<env>/users/<uid>\"";

    public static string WebhookDelivered => Read("webhook-delivered-event.json");

    /// <summary>The four audit-shaped examples, verbatim: USER.UPDATED, MEMBER_OF_GROUP.CREATED, GROUP.CREATED, USER.DELETED.</summary>
    public static IReadOnlyList<string> AuditShaped =>
        Read("audit-shaped-events.txt")
            .Split(["\n\n", "\r\n\r\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string AuditUserUpdated => AuditShaped[0];

    public static string AuditMemberOfGroupCreated => Completed(AuditShaped[1], 1);

    public static string AuditGroupCreated => Completed(AuditShaped[2], 2);

    public static string AuditUserDeleted => Completed(AuditShaped[3], 3);

    public static string Completed(string elided, int number)
    {
        var header = HeaderOfFirstAuditExample.Replace("#", number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var first = elided.IndexOf(Elision, StringComparison.Ordinal);
        var completed = elided[..first] + header + elided[(first + Elision.Length)..];
        return completed.Replace(Elision, ResourceFieldsOfFirstAuditExample, StringComparison.Ordinal);
    }

    public static byte[] Array(params string[] events) => Encoding.UTF8.GetBytes("[" + string.Join(",\n", events) + "]");

    public static byte[] NdJson(params string[] events) =>
        Encoding.UTF8.GetBytes(string.Join("\n", events.Select(e => e.ReplaceLineEndings(" "))) + "\n");

    private static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));
}
