using System.Globalization;
using System.Net;
using System.Text;
using CheckoutWatch.LoadTests.Load;

namespace CheckoutWatch.LoadTests.Reports;

/// <summary>The report as one self-contained HTML page: inline CSS and SVG, nothing fetched from anywhere.</summary>
public static class HtmlReport
{
    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}
        h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}
        table{border-collapse:collapse;margin:8px 0 16px;font-variant-numeric:tabular-nums}
        th,td{border:1px solid #ddd;padding:3px 8px;text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}
        .ok{color:#1a7f37;font-weight:600}.fail{color:#c62828;font-weight:600}.meta{color:#555}
        svg{display:block;margin:6px 0 14px;max-width:100%;height:auto}svg .grid{stroke:#eee}svg .axis{font-size:11px;fill:#555}svg .title{font-size:13px;font-weight:600;fill:#222}
        .key span{display:inline-block;width:14px;height:4px;margin:0 6px 3px 12px;vertical-align:middle}
        """;

    public static string Render(ScenarioReport report)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(report.Title)}</title><style>{Style}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(report.Title)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"{(report.Passed ? "ok" : "fail")}\">{(report.Passed ? "Passed: no request failed." : "FAILED")}</p>");
        foreach (var failure in report.Failures)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"fail\">{E(failure)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\"><code>{E(report.CommandLine)}</code><br>{E(report.Machine.ToString())}<br>{report.StartedAt:yyyy-MM-dd HH:mm:ss} UTC, {(report.FinishedAt - report.StartedAt).TotalSeconds:0.#} s{(report.Quick ? " (quick mode)" : "")}. ");
        html.Append("Latency is per batch request, in ms, measured from the <em>scheduled</em> send time (open model, no coordinated omission); per-second series are by completion time.</p>");

        if (report.Runs.Count > 0)
        {
            Table(html, RunSummaryTable.Build("Runs", report.Runs));
        }

        foreach (var table in report.Tables)
        {
            Table(html, table);
        }

        if (report.Notes.Count > 0)
        {
            html.Append("<h2>Notes</h2><ul>");
            foreach (var note in report.Notes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(note)}</li>");
            }

            html.Append("</ul>");
        }

        if (report.Charts.Count > 0)
        {
            html.Append("<h2>Plots</h2>");
            foreach (var chart in report.Charts)
            {
                html.Append(chart.Svg);
            }
        }

        if (report.Runs.Count > 0)
        {
            html.Append("<h2>Latency by percentile</h2>").Append(Charts.Percentiles(report.Runs));
            if (report.Runs.Count > 3)
            {
                html.Append("<p class=\"key\">");
                for (var i = 0; i < report.Runs.Count; i++)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<span style=\"background:{Charts.ColorOf(i)}\"></span>{E(report.Runs[i].Name)} ");
                }

                html.Append("</p>");
            }
        }

        foreach (var run in report.Runs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(run.Name)}</h2>");
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{E(run.Model)} model, {E(run.Load)}, target {E(run.Target)}, {run.EventsPerRequest} events per request; ");
            html.Append(CultureInfo.InvariantCulture, $"{Format.Count(run.Sent)} sent, {Format.Count(run.Ok)} ok, {Format.Count(run.Failed)} failed, {Format.Count(run.DroppedByClient)} dropped by the client, {Format.Rate(run.RequestsPerSecond)} requests/s, {Format.Rate(run.EventsPerSecond)} events/s over {run.ElapsedSeconds:0.##} s.</p>");
            html.Append(Charts.LatencyOverTime(run)).Append(Charts.ThroughputOverTime(run));
        }

        var errors = RunSummaryTable.Errors(report.Warmups.Concat(report.Runs));
        if (errors.Rows.Count > 0)
        {
            Table(html, errors);
        }

        if (report.Warmups.Count > 0)
        {
            Table(html, RunSummaryTable.Build("Warm-ups (not in the figures; their errors count)", report.Warmups));
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, ReportTable table)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(table.Title)}</h2><table><tr>");
        foreach (var column in table.Columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(column)}</th>");
        }

        html.Append("</tr>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{E(cell)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
