using CheckoutWatch.LoadTests.Load;

namespace CheckoutWatch.LoadTests.Reports;

/// <summary>The one-row-per-run summary every output (console, Markdown, HTML) starts with.</summary>
public static class RunSummaryTable
{
    public static ReportTable Build(string title, IEnumerable<RunResult> runs)
    {
        var table = new ReportTable(title,
            ["run", "model", "load", "ok", "failed", "dropped", "events/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "send lag p99 ms"]);
        foreach (var r in runs)
        {
            table.Add(r.Name, r.Model, r.Load, Format.Count(r.Ok), Format.Count(r.Failed), Format.Count(r.DroppedByClient), Format.Rate(r.EventsPerSecond),
                Format.Ms(r.Latency.P50), Format.Ms(r.Latency.P90), Format.Ms(r.Latency.P99), Format.Ms(r.Latency.P999), Format.Ms(r.Latency.Max), Format.Ms(r.SendLag.P99));
        }

        return table;
    }

    public static ReportTable Errors(IEnumerable<RunResult> runs)
    {
        var table = new ReportTable("Errors", ["run", "kind", "count", "first example"]);
        foreach (var r in runs)
        {
            foreach (var e in r.Errors)
            {
                table.Add(r.Name, e.Kind, Format.Count(e.Count), e.Example ?? "");
            }

            if (r.EventsRejected > 0)
            {
                table.Add(r.Name, "rejected events (total)", Format.Count(r.EventsRejected), "");
            }
        }

        return table;
    }
}
