using System.Globalization;
using System.Text;

namespace ProvisioningBus.Benchmarks.Reporting;

/// <summary>The figures of one run and the notes that explain them, printed as one Markdown table.</summary>
public sealed class ResultTable
{
    private readonly List<ResultRow> rows = [];
    private readonly List<string> notes = [];

    public void Add(ResultRow row)
    {
        rows.Add(row);
        Console.WriteLine($"  → {row.Figure}: {row.Measured} (baseline {row.Baseline}, ratio {row.Ratio}, target {row.Target}{(row.Met is { } met ? met ? ", met" : ", MISSED" : "")})");
    }

    public void Note(string note)
    {
        notes.Add(note);
        Console.WriteLine($"  · {note}");
    }

    public string Render(string header)
    {
        var text = new StringBuilder();
        text.AppendLine(header);
        text.AppendLine();
        text.AppendLine("| # | Figure | Measured | Baseline (same run) | Ratio | Target | Met |");
        text.AppendLine("|---|---|---:|---:|---:|---|:---:|");
        // Sections add rows as their measurements finish; the table lists them by figure number (stable within one).
        foreach (var row in rows.OrderBy(row => row.Section, StringComparer.Ordinal))
        {
            var met = row.Met switch { true => "yes", false => "**no**", null => "–" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Section} | {row.Figure} | {row.Measured} | {row.Baseline} | {row.Ratio} | {row.Target} | {met} |");
        }

        if (notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        return text.ToString();
    }
}
