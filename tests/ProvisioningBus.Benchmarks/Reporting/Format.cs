using System.Globalization;

namespace ProvisioningBus.Benchmarks.Reporting;

/// <summary>Invariant number formats for the table.</summary>
public static class Format
{
    public static string Rate(double perSecond, string unit) => string.Create(CultureInfo.InvariantCulture, $"{perSecond:N0} {unit}/s");

    public static string Ms(double milliseconds) =>
        milliseconds.ToString(milliseconds < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture) + " ms";

    public static string Ratio(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}");

    public static string Times(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}×");

    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:0.0} %");

    public static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");
}
