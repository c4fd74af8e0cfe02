using CheckoutWatch.LoadTests.Load;

namespace CheckoutWatch.LoadTests.Reports;

/// <summary>The report's charts: latency over time, throughput over time, latency by percentile.</summary>
public static class Charts
{
    private static readonly string[] _palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>
    /// The distribution up to the percentile the sample size can tell apart (1 − 1/n), ending at
    /// the maximum: past that point a plot would only draw the max as a long flat line.
    /// </summary>
    private static List<(double X, double Y)> Tail(RunResult run)
    {
        if (run.Latency.Count == 0)
        {
            return [];
        }

        var limit = 100.0 * (1 - (1.0 / Math.Max(2, run.Latency.Count)));
        var points = run.Distribution.Where(p => p.Percentile < limit).Select(p => (p.Percentile, p.LatencyMs)).ToList();
        points.Add((limit, run.Latency.Max));
        return points;
    }

    public static string ColorOf(int index) => _palette[index % _palette.Length];

    public static string LatencyOverTime(RunResult run) => new SvgChart($"{run.Name}: latency per second", "seconds since start", "ms") { XMin = 0 }
        .Add(new ChartSeries("p50", "#1f77b4", [.. run.Seconds.Select(s => (s.At, s.P50))]))
        .Add(new ChartSeries("p99", "#d62728", [.. run.Seconds.Select(s => (s.At, s.P99))]))
        .Add(new ChartSeries("max", "#999999", [.. run.Seconds.Select(s => (s.At, s.Max))], Dashed: true))
        .Render();

    public static string ThroughputOverTime(RunResult run)
    {
        var chart = new SvgChart($"{run.Name}: events/s per second", "seconds since start", "events/s") { XMin = 0 }
            .Add(new ChartSeries("achieved", "#2ca02c", [.. run.Seconds.Select(s => (s.At, s.EventsPerSecond))]));
        if (run.Seconds.Any(s => s.TargetEventsPerSecond is not null))
        {
            chart.Add(new ChartSeries("offered", "#555555", [.. run.Seconds.Select(s => (s.At, s.TargetEventsPerSecond ?? 0))], Dashed: true));
        }

        return chart.Render();
    }

    /// <summary>The HdrHistogram-style plot: x is 1 / (1 − p) on a log scale, so the tail gets the room.</summary>
    public static string Percentiles(IReadOnlyList<RunResult> runs)
    {
        var chart = new SvgChart("latency by percentile", "percentile", "ms")
        {
            XTransform = p => Math.Log10(100 / Math.Max(100 - p, 1e-4)),
            XTicks = [(0, "0%"), (90, "90%"), (99, "99%"), (99.9, "99.9%"), (99.99, "99.99%"), (99.999, "99.999%"), (99.9999, "99.9999%")],
            MinXSpan = 2,
            ShowLegend = runs.Count <= 3,
        };
        for (var i = 0; i < runs.Count; i++)
        {
            chart.Add(new ChartSeries(runs[i].Name, ColorOf(i), Tail(runs[i])));
        }

        return chart.Render();
    }
}
