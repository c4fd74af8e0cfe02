using CheckoutWatch.LoadTests.Load;
using CheckoutWatch.LoadTests.Reports;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>
/// A step load: raise the offered rate step by step until a step's p99 passes the limit (100 ms)
/// or its errors plus client drops pass the limit (1 %), and report the last good rate. Against
/// the node with --target, else against the in-process bare Kestrel endpoint.
/// </summary>
public sealed class CapacityScenario : IScenario
{
    public string Name => "capacity";

    public string Summary => "step load until p99 > 100 ms or errors > 1 %; reports the last good rate (node with --target, else baseline)";

    public string Usage => "capacity [--target URL --key KEY] [--start 10k] [--step 10k] [--step-duration 10s] [--max-steps 30] [--p99-limit-ms 100] [--error-limit 0.01] [--quick]";

    public bool ToleratesErrors => true;

    public async Task RunAsync(ScenarioContext context)
    {
        var o = context.Options;
        var stepDuration = o.StepDuration ?? (context.Quick ? TimeSpan.FromSeconds(1.5) : TimeSpan.FromSeconds(10));
        var start = o.StartRate ?? 10_000;
        var step = o.StepRate ?? (context.Quick ? 20_000 : 10_000);
        var steps = o.MaxSteps ?? (context.Quick ? 3 : 30);
        var load = LoadSimulation.Step(start / o.BatchSize, step / o.BatchSize, steps, stepDuration);

        await using var server = o.Target is null ? await context.StartBaselineAsync().ConfigureAwait(false) : null;
        var eventsUri = server?.EventsUri ?? context.RequireTargetEventsUri();
        var key = server is null ? o.ApiKey : "";
        var what = server is null ? "node" : "baseline";
        context.Report.Notes.Add($"Capacity of the {what} at {eventsUri}: {load.Describe(o.BatchSize)}; a step is good with p99 ≤ {Format.Ms(o.P99LimitMs)} ms and (failed + dropped) ≤ {Format.Percent(o.ErrorLimit)}.");

        await using var target = context.OpenTarget(eventsUri, key, start + (step * steps));
        var warmup = context.Warmup(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(0.5));
        if (warmup > TimeSpan.Zero)
        {
            context.Report.Warmups.Add(await context.RunOpenAsync(context.Spec($"{what} (warm-up)", eventsUri.ToString(), target.Sender, LoadSimulation.Constant(load.FromRequestsPerSecond, warmup))).ConfigureAwait(false));
        }

        var table = new ReportTable("Steps", ["step", "offered ev/s", "achieved ev/s", "p50 ms", "p99 ms", "max ms", "failed", "dropped", "verdict"]);
        double? lastGood = null;
        var index = 0;
        foreach (var phase in load.Phases)
        {
            index++;
            var offered = phase.RequestsPerSecond * o.BatchSize;
            var run = await context.RunOpenAsync(context.Spec($"{what} step {index} @ {Format.Rate(offered)} ev/s", eventsUri.ToString(), target.Sender, phase)).ConfigureAwait(false);
            context.Report.Runs.Add(run);
            var good = run.Latency.P99 <= o.P99LimitMs && run.ErrorShare <= o.ErrorLimit && run.Ok > 0;
            table.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture), Format.Rate(offered), Format.Rate(run.EventsPerSecond),
                Format.Ms(run.Latency.P50), Format.Ms(run.Latency.P99), Format.Ms(run.Latency.Max), Format.Count(run.Failed), Format.Count(run.DroppedByClient),
                good ? "good" : "over the limit");
            if (!good || context.Cancellation.IsCancellationRequested)
            {
                break;
            }

            lastGood = offered;
        }

        context.Report.Tables.Add(table);
        if (lastGood is { } rate)
        {
            context.Report.Notes.Add($"Last good rate: {Format.Rate(rate)} events/s{(index == steps && table.Rows[^1][^1] == "good" ? " (the highest step tried; the limit is above it)" : "")}.");
        }
        else
        {
            context.Fail($"Even the first step ({Format.Rate(start)} events/s) was over the limit.");
        }
    }
}
