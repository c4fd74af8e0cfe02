using System.Globalization;
using CheckoutWatch.LoadTests.Http;
using CheckoutWatch.LoadTests.Load;
using CheckoutWatch.LoadTests.Reports;
using CheckoutWatch.LoadTests.Scenarios;

namespace CheckoutWatch.LoadTests.Node;

/// <summary>
/// Grows the node to N in-flight sessions in segments (checkpoints 10k, 30k, 100k, 300k, 1M … up to N),
/// and after each segment reads the node's VmRSS: memory and throughput against in-flight sessions.
/// </summary>
public static class SessionGrowth
{
    public sealed record Point(long Sessions, double EventsPerSecond, double P99Ms, long? RssBytes, long Failed, long Dropped);

    private static readonly long[] _ladder = [10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000];

    /// <summary>10k, 30k, 100k, 300k, 1M … below the target, then the target itself.</summary>
    public static IReadOnlyList<long> Checkpoints(long target) => [.. _ladder.Where(p => p < target).Append(target)];

    public static async Task<(IReadOnlyList<Point> Points, long? RssBefore)> GrowAsync(ScenarioContext context, long target, double eventsPerSecond, int merchants)
    {
        var o = context.Options;
        var eventsUri = context.RequireTargetEventsUri();
        var batch = o.BatchSize;
        using var http = IngestHttp.CreateClient(o.MaxInFlight, o.RequestTimeout);
        var sender = new StartedOnlySender(http, eventsUri, o.ApiKey, ScenarioContext.NewRunTag(), batch, merchants);
        var rssBefore = await context.Node.SettledRssAsync(TimeSpan.FromSeconds(2), context.Cancellation).ConfigureAwait(false);
        var points = new List<Point>();
        long accepted = 0, sent = 0;
        foreach (var checkpoint in Checkpoints(target))
        {
            var requests = (long)Math.Ceiling((checkpoint - sent) / (double)batch);
            if (requests <= 0)
            {
                continue;
            }

            var seconds = requests / (eventsPerSecond / batch);
            var spec = context.Spec($"sessions → {Format.Rate(checkpoint)} @ {Format.Rate(eventsPerSecond)} ev/s", eventsUri.ToString(), sender,
                LoadSimulation.Constant(eventsPerSecond / batch, TimeSpan.FromSeconds(seconds + 0.5))) with { MaxRequests = requests };
            var run = await context.RunOpenAsync(spec).ConfigureAwait(false);
            context.Report.Runs.Add(run);
            sent += requests * batch;
            accepted += run.EventsAccepted;
            var rss = await context.Node.SettledRssAsync(TimeSpan.FromSeconds(3), context.Cancellation).ConfigureAwait(false);
            points.Add(new Point(accepted, run.EventsPerSecond, run.Latency.P99, rss, run.Failed, run.DroppedByClient));
            Console.WriteLine($"in-flight sessions {Format.Count(accepted)}: node VmRSS {NodeProcess.Mb(rss)}, {Format.Rate(run.EventsPerSecond)} ev/s, p99 {Format.Ms(run.Latency.P99)} ms");
            if (context.Cancellation.IsCancellationRequested)
            {
                break;
            }
        }

        return (points, rssBefore);
    }

    public static ReportTable Table(IReadOnlyList<Point> points, long? rssBefore)
    {
        var table = new ReportTable("Node memory against in-flight sessions", ["in-flight sessions", "VmRSS", "Δ VmRSS since start", "Δ per session", "segment ev/s", "segment p99 ms", "failed", "dropped"]);
        foreach (var p in points)
        {
            var delta = p.RssBytes - rssBefore;
            table.Add(Format.Count(p.Sessions), NodeProcess.Mb(p.RssBytes), NodeProcess.Mb(delta),
                delta is { } d && p.Sessions > 0 ? $"{d / (double)p.Sessions:#,0} B" : "n/a",
                Format.Rate(p.EventsPerSecond), Format.Ms(p.P99Ms), Format.Count(p.Failed), Format.Count(p.Dropped));
        }

        return table;
    }

    public static IEnumerable<ReportChart> Charts(IReadOnlyList<Point> points, long? rssBefore)
    {
        yield return new ReportChart("sessions-memory.svg", new SvgChart("node memory against in-flight sessions", "in-flight sessions", "MB")
            .Add(new ChartSeries("VmRSS", "#d62728", [.. points.Where(p => p.RssBytes is not null).Select(p => ((double)p.Sessions, p.RssBytes!.Value / 1048576.0))]))
            .Add(new ChartSeries("4 KiB per session budget", "#999999", [.. points.Select(p => ((double)p.Sessions, ((rssBefore ?? 0) + (p.Sessions * 4096.0)) / 1048576.0))], Dashed: true))
            .Render());
        yield return new ReportChart("sessions-throughput.svg", new SvgChart("ingest throughput against in-flight sessions (checkout_started only)", "in-flight sessions", "events/s")
            .Add(new ChartSeries("achieved", "#2ca02c", [.. points.Select(p => ((double)p.Sessions, p.EventsPerSecond))]))
            .Render());
    }

    public static string Verdict(IReadOnlyList<Point> points, long? rssBefore, long target)
    {
        if (points.Count == 0 || rssBefore is null || points[^1].RssBytes is null)
        {
            return "not measured";
        }

        var last = points[^1];
        var per = (last.RssBytes!.Value - rssBefore.Value) / (double)Math.Max(1, last.Sessions);
        var reached = last.Sessions >= 0.99 * target;
        return string.Create(CultureInfo.InvariantCulture, $"{Format.Count(last.Sessions)} sessions, {per:#,0} B each: ≥ 1,000,000 tracked {(last.Sessions >= 1_000_000 ? "met" : reached ? "not tried (smaller --count)" : "NOT met")}, ≤ 4 KiB each {(per <= 4096 ? "met" : "NOT met")}");
    }
}
