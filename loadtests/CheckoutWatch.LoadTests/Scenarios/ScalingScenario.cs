using System.Globalization;
using CheckoutWatch.LoadTests.Load;
using CheckoutWatch.LoadTests.Node;
using CheckoutWatch.LoadTests.Reports;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>
/// How cost grows: (1) closed-loop ingest throughput, p99 and node memory against the number of
/// merchants in the traffic (1 → 10,000), (2) throughput and memory against in-flight sessions
/// (10,000 → --count, default 1,000,000). Both drawn as SVG plots in the report.
/// </summary>
public sealed class ScalingScenario : IScenario
{
    public string Name => "scaling";

    public string Summary => "throughput and node memory against merchants (1 → 10k) and in-flight sessions (10k → 1M), as SVG plots";

    public string Usage => "scaling --target URL --key KEY --node-pid PID [--duration 10s] [--connections 16] [--count 1M] [--rate 5k] [--quick]";

    public bool ToleratesErrors => true;

    public async Task RunAsync(ScenarioContext context)
    {
        var o = context.Options;
        var eventsUri = context.RequireTargetEventsUri();
        var duration = context.Duration(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));
        int[] merchantCounts = context.Quick ? [1, 10, 100] : [1, 10, 100, 1_000, 10_000];
        context.NoteNodeMemory();

        var table = new ReportTable("Against merchants (closed loop)", ["merchants", "events/s", "p50 ms", "p99 ms", "failed", "VmRSS after", "Δ VmRSS"]);
        var points = new List<(int Merchants, double EventsPerSecond, double P99, long? Rss)>();
        var previous = context.Node.RssBytes();
        foreach (var merchants in merchantCounts)
        {
            await using var target = context.OpenTarget(eventsUri, o.ApiKey, 50_000, merchants: merchants);
            var run = await context.RunClosedAsync(context.Spec($"{Format.Count(merchants)} merchants, closed loop × {o.Connections}", eventsUri.ToString(), target.Sender,
                LoadSimulation.Constant(1, duration))).ConfigureAwait(false);
            context.Report.Runs.Add(run);
            var rss = await context.Node.SettledRssAsync(TimeSpan.FromSeconds(2), context.Cancellation).ConfigureAwait(false);
            points.Add((merchants, run.EventsPerSecond, run.Latency.P99, rss));
            table.Add(Format.Count(merchants), Format.Rate(run.EventsPerSecond), Format.Ms(run.Latency.P50), Format.Ms(run.Latency.P99),
                Format.Count(run.Failed), NodeProcess.Mb(rss), NodeProcess.Mb(rss - previous));
            previous = rss;
        }

        context.Report.Tables.Add(table);
        var log = (Func<double, double>)(x => Math.Log10(Math.Max(x, 1)));
        (double, string)[] ticks = [(1, "1"), (10, "10"), (100, "100"), (1_000, "1k"), (10_000, "10k")];
        context.Report.Charts.Add(new ReportChart("merchants-throughput.svg", new SvgChart("ingest throughput against merchants (closed loop)", "merchants (log)", "events/s") { XTransform = log, XTicks = ticks }
            .Add(new ChartSeries("events/s", "#2ca02c", [.. points.Select(p => ((double)p.Merchants, p.EventsPerSecond))])).Render()));
        context.Report.Charts.Add(new ReportChart("merchants-memory.svg", new SvgChart("node memory against merchants (cumulative over the sweep)", "merchants (log)", "MB") { XTransform = log, XTicks = ticks }
            .Add(new ChartSeries("VmRSS", "#d62728", [.. points.Where(p => p.Rss is not null).Select(p => ((double)p.Merchants, p.Rss!.Value / 1048576.0))])).Render()));

        var target2 = o.Count ?? (context.Quick ? 10_000 : 1_000_000);
        var (sessionPoints, before) = await SessionGrowth.GrowAsync(context, target2, context.Rate(5_000, 5_000), 100).ConfigureAwait(false);
        context.Report.Tables.Add(SessionGrowth.Table(sessionPoints, before));
        context.Report.Charts.AddRange(SessionGrowth.Charts(sessionPoints, before));
        context.Report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"Merchant sweep: generated traffic (10,000 active sessions spread over the merchants), {o.Connections} closed loops for {Format.Seconds(duration)} per point; the node keeps every merchant and session grain it has seen, so memory is cumulative across points (Δ is per point). Session sweep: {SessionGrowth.Verdict(sessionPoints, before, target2)}."));
    }
}
