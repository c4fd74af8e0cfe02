using CheckoutWatch.LoadTests.Load;
using CheckoutWatch.LoadTests.Reports;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>
/// The spec's ratio: at each rate, the bare Kestrel endpoint and then the node, in the same
/// process and run, with the same generator settings; events/s and latency percentiles side by side.
/// </summary>
public sealed class CompareScenario : IScenario
{
    public string Name => "compare";

    public string Summary => "baseline then ingest at the same rates; events/s, latency percentiles and their ratio";

    public string Usage => "compare --target http://127.0.0.1:5080 --key KEY [--rates 40k,50k] [--duration 20s] [--quick]";

    public async Task RunAsync(ScenarioContext context)
    {
        var eventsUri = context.RequireTargetEventsUri();
        var rates = context.Options.Rates ?? (context.Quick ? [20_000] : [SpecTargets.LatencyTargetRate, SpecTargets.SustainedTargetRate]);
        var duration = context.Duration(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2));
        var warmup = context.Warmup(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(0.5));

        await using var server = await context.StartBaselineAsync().ConfigureAwait(false);
        context.Report.Notes.Add($"Baseline endpoint: {server.EventsUri} (bare Kestrel in this process). Node: {eventsUri}.");

        var table = new ReportTable("Node against bare Kestrel (ratio = node ÷ baseline)",
            ["rate", "run", "events/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "failed", "dropped"]);
        var judged = new List<(double, RunResult)>();
        foreach (var rate in rates)
        {
            var label = Format.Rate(rate) + " ev/s";
            var baseline = await context.MeasureAsync($"baseline @ {label}", server.EventsUri, "", rate, duration, warmup).ConfigureAwait(false);
            var node = await context.MeasureAsync($"ingest @ {label}", eventsUri, context.Options.ApiKey, rate, duration, warmup).ConfigureAwait(false);
            AddRow(table, label, "baseline", baseline);
            AddRow(table, label, "ingest", node);
            var both = node.Ok > 0 && baseline.Ok > 0;
            string R(double n, double b) => both ? Format.Ratio(Ratio(n, b)) : "n/a";
            table.Add(label, "ratio",
                R(node.EventsPerSecond, baseline.EventsPerSecond),
                R(node.Latency.P50, baseline.Latency.P50),
                R(node.Latency.P90, baseline.Latency.P90),
                R(node.Latency.P99, baseline.Latency.P99),
                R(node.Latency.P999, baseline.Latency.P999),
                R(node.Latency.Max, baseline.Latency.Max),
                "", "");
            judged.Add((rate, node));
        }

        context.Report.Tables.Add(table);
        context.Report.Tables.Add(SpecTargets.Table(judged, context.Options.P99LimitMs));
    }

    private static void AddRow(ReportTable table, string rate, string run, RunResult r) => table.Add(
        rate, run, Format.Rate(r.EventsPerSecond), Format.Ms(r.Latency.P50), Format.Ms(r.Latency.P90), Format.Ms(r.Latency.P99),
        Format.Ms(r.Latency.P999), Format.Ms(r.Latency.Max), Format.Count(r.Failed), Format.Count(r.DroppedByClient));

    private static double? Ratio(double node, double baseline) => baseline > 0 ? node / baseline : null;
}
