using System.Globalization;
using System.Text;
using ProvisioningBus.State.Log;

namespace ProvisioningBus.Core.ProvisioningLog;

/// <summary>The log as RFC 4180 CSV (header row; attribute names joined by ';'), for spreadsheets and audits.</summary>
public static class LogCsv
{
    public const string Header =
        "at,rule,direction,entity_type,entity_id,display_name,action,changed_attributes,outcome,reason,call_status,error_code,message,event_id,trace_id,actor";

    public static void Write(TextWriter output, IEnumerable<ProvisioningLogEntry> entries)
    {
        output.WriteLine(Header);
        foreach (var e in entries)
        {
            output.WriteLine(string.Join(',',
                Field(e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture)),
                Field(e.Rule), Field(e.Direction), Field(e.EntityType), Field(e.EntityId), Field(e.DisplayName), Field(e.Action),
                Field(string.Join(';', e.ChangedAttributes)), Field(e.Outcome), Field(e.Reason),
                Field(e.CallStatus?.ToString(CultureInfo.InvariantCulture)), Field(e.ErrorCode), Field(e.Message),
                Field(e.EventId), Field(e.TraceId), Field(e.Actor)));
        }
    }

    /// <summary>Quotes a field that holds a comma, quote or line break, doubling its quotes.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        return new StringBuilder(value.Length + 2).Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
