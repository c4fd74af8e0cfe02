using CheckoutWatch.LoadTests.Load;
using CheckoutWatch.LoadTests.Node;
using CheckoutWatch.LoadTests.Reports;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>
/// Twice the measured capacity (--capacity, from the capacity scenario; or --rate directly): what
/// share is shed with 429 / 503, how fast the accepted requests still are, and the node's memory
/// ceiling while overloaded. The client allows 1,024 requests in flight so that the node's own
/// limits (128 concurrent + 512 queued by default) are what refuses work, not the harness.
/// </summary>
public sealed class OverloadScenario : IScenario
{
    public string Name => "overload";

    public string Summary => "2× capacity: share of 429/503, latency of accepted requests, node memory ceiling";

    public string Usage => "overload --target URL --key KEY --capacity 5k [--rate 10k] [--duration 30s] [--node-pid PID] [--quick]";

    public bool ToleratesErrors => true;

    public async Task RunAsync(ScenarioContext context)
    {
        var o = context.Options;
        var eventsUri = context.RequireTargetEventsUri();
        var capacity = o.Capacity ?? (context.Quick ? 5_000 : throw new Cli.UsageException("overload needs --capacity (events/s the node sustains, from the capacity scenario) or --rate."));
        var rate = o.EventsPerSecond ?? (2 * capacity);
        var duration = context.Duration(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));
        var maxInFlight = Math.Max(o.MaxInFlight, 1_024);
        context.NoteNodeMemory();

        await using var target = context.OpenTarget(eventsUri, o.ApiKey, rate, maxConnections: maxInFlight);
        var rssBefore = context.Node.RssBytes();
        RunResult run;
        List<(double At, long Bytes)> samples;
        long? max;
        await using (var sampler = new MemorySampler(context.Node, TimeSpan.FromMilliseconds(250)))
        {
            run = await context.RunOpenAsync(context.Spec($"overload @ {Format.Rate(rate)} ev/s (2 × {Format.Rate(capacity)})", eventsUri.ToString(), target.Sender,
                LoadSimulation.Constant(rate / o.BatchSize, duration)) with { MaxInFlight = maxInFlight }).ConfigureAwait(false);
            samples = sampler.Samples;
            max = sampler.Max;
        }

        context.Report.Runs.Add(run);
        var rssAfter = await context.Node.SettledRssAsync(TimeSpan.FromSeconds(3), context.Cancellation).ConfigureAwait(false);
        long Count(string kind) => run.Errors.Where(e => e.Kind == kind).Sum(e => e.Count);
        var scheduled = Math.Max(1, run.Scheduled);
        var rejected429 = Count("HTTP 429");
        var rejected503 = Count("HTTP 503");
        var other = run.Failed - rejected429 - rejected503;
        var table = new ReportTable("Overload outcome (shares of scheduled requests)", ["offered ev/s", "accepted ev/s", "202", "429", "503", "other errors", "dropped by client", "accepted p50 ms", "accepted p99 ms", "VmRSS before", "VmRSS max", "VmRSS after"]);
        table.Add(Format.Rate(rate), Format.Rate(run.EventsPerSecond), Format.Percent(run.Ok / (double)scheduled), Format.Percent(rejected429 / (double)scheduled),
            Format.Percent(rejected503 / (double)scheduled), Format.Percent(other / (double)scheduled), Format.Percent(run.DroppedByClient / (double)scheduled),
            Format.Ms(run.Latency.P50), Format.Ms(run.Latency.P99), NodeProcess.Mb(rssBefore), NodeProcess.Mb(max), NodeProcess.Mb(rssAfter));
        context.Report.Tables.Add(table);
        if (samples.Count > 1)
        {
            context.Report.Charts.Add(new ReportChart("overload-memory.svg", new SvgChart("node VmRSS while overloaded", "seconds since start", "MB") { XMin = 0 }
                .Add(new ChartSeries("VmRSS", "#d62728", [.. samples.Select(s => (s.At, s.Bytes / 1048576.0))])).Render()));
        }

        context.Report.Notes.Add("A healthy shed: most refusals are fast 503 (node-wide concurrency limit) or 429 (per-key token bucket), accepted requests keep a bounded latency, and VmRSS levels off. Timeouts or client drops mean work queued somewhere unbounded.");
    }
}
