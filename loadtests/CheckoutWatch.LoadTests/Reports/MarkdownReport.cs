using System.Globalization;
using System.Text;

namespace CheckoutWatch.LoadTests.Reports;

/// <summary>The report as Markdown: fit for a pull request or an issue comment.</summary>
public static class MarkdownReport
{
    public static string Render(ScenarioReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {report.Title}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Result:** {(report.Passed ? "passed (no request failed)" : "FAILED")}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Command:** `{report.CommandLine}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Machine:** {report.Machine}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **When:** {report.StartedAt:yyyy-MM-dd HH:mm:ss} UTC, {(report.FinishedAt - report.StartedAt).TotalSeconds:0.#} s{(report.Quick ? " (quick mode)" : "")}");
        md.AppendLine("- Latency is per batch, from the **scheduled** send time (open model), in ms; charts in `report.html`.");
        md.AppendLine();
        foreach (var failure in report.Failures)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"> **Failure:** {failure}");
            md.AppendLine();
        }

        if (report.Runs.Count > 0)
        {
            Table(md, RunSummaryTable.Build("Runs", report.Runs));
        }

        foreach (var table in report.Tables)
        {
            Table(md, table);
        }

        if (report.Notes.Count > 0)
        {
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var note in report.Notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }

            md.AppendLine();
        }

        if (report.Charts.Count > 0)
        {
            md.AppendLine("## Plots");
            md.AppendLine();
            foreach (var chart in report.Charts)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"![{chart.FileName}]({chart.FileName})");
            }

            md.AppendLine();
        }

        var errors = RunSummaryTable.Errors(report.Warmups.Concat(report.Runs));
        if (errors.Rows.Count > 0)
        {
            Table(md, errors);
        }

        if (report.Warmups.Count > 0)
        {
            Table(md, RunSummaryTable.Build("Warm-ups (not in the figures; their errors count)", report.Warmups));
        }

        return md.ToString();
    }

    private static void Table(StringBuilder md, ReportTable table)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"## {table.Title}");
        md.AppendLine();
        md.AppendLine("| " + string.Join(" | ", table.Columns.Select(Cell)) + " |");
        md.AppendLine("|" + string.Concat(table.Columns.Select(_ => "---|")));
        foreach (var row in table.Rows)
        {
            md.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
        }

        md.AppendLine();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
