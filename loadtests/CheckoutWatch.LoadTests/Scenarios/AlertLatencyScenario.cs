using System.Globalization;
using CheckoutWatch.LoadTests.Http;
using CheckoutWatch.LoadTests.Load;
using CheckoutWatch.LoadTests.Node;
using CheckoutWatch.LoadTests.Reports;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>
/// Alert end to end: background traffic on --merchants merchants through HTTP, and one incident
/// after another on fresh merchants (healthy phase, then 50 % technical failures at 20 attempts/s).
/// Measured from the 202 of the deciding batch (the last spike batch acknowledged before the
/// alert's detectedAt: the first batch after which the alert is open) to the AlertsChanged push
/// at a .NET SignalR client. Spec: p99 ≤ 250 ms.
/// </summary>
public sealed class AlertLatencyScenario : IScenario
{
    public const double TargetP99Ms = 250;

    public string Name => "alert-latency";

    public string Summary => "background traffic + injected failure spikes on fresh merchants; 202 of the deciding batch → AlertsChanged at a SignalR client";

    public string Usage => "alert-latency --target URL --key KEY [--incidents 10] [--rate 2k] [--merchants 100] [--warmup 10s] [--node-pid PID] [--quick]";

    public async Task RunAsync(ScenarioContext context)
    {
        var o = context.Options;
        var eventsUri = context.RequireTargetEventsUri();
        var nodeBase = context.RequireTargetBase();
        var incidents = o.Incidents ?? (context.Quick ? 2 : 10);
        var background = context.Rate(2_000, 1_000);
        var healthy = context.Warmup(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5));
        var timeout = TimeSpan.FromSeconds(30);
        var tag = ScenarioContext.NewRunTag();
        context.NoteNodeMemory();

        using var http = IngestHttp.CreateClient(8, o.RequestTimeout);
        var runner = new IncidentRunner(new IncidentDriver(http, eventsUri, o.ApiKey, tag), tag, healthy, timeout);
        await using var board = await WarRoomBoard.ConnectAsync(nodeBase, 0, runner.OnAlert, context.Cancellation).ConfigureAwait(false);

        // Background traffic for as long as the incidents take, at most 30 s of spike + the healthy phase each.
        await using var target = context.OpenTarget(eventsUri, o.ApiKey, background);
        var longest = TimeSpan.FromTicks((healthy + timeout + TimeSpan.FromSeconds(6)).Ticks * incidents);
        using var stopBackground = new CancellationTokenSource();
        var backgroundRun = context.RunBackgroundAsync(
            context.Spec($"background @ {Format.Rate(background)} ev/s on {o.Merchants} merchants", eventsUri.ToString(), target.Sender,
                LoadSimulation.Constant(background / o.BatchSize, longest)), stopBackground.Token);

        var table = new ReportTable("Incidents (ms)", ["incident", "merchant", "spike batches", "deciding batch", "202 → detectedAt", "detectedAt → client", "end to end", "spike start → client"]);
        var timings = new List<IncidentTiming>();
        var rssBefore = context.Node.RssBytes();
        for (var i = 1; i <= incidents && !context.Cancellation.IsCancellationRequested; i++)
        {
            var (timing, _, problem) = await runner.RunAsync(i, context.Cancellation).ConfigureAwait(false);
            if (problem is not null)
            {
                context.Fail(problem);
                table.Add(i.ToString(CultureInfo.InvariantCulture), IncidentRunner.MerchantFor(tag, i), "", "", "", "", problem, "");
                continue;
            }

            timings.Add(timing!);
            table.Add(i.ToString(CultureInfo.InvariantCulture), timing!.Merchant, timing.SpikeBatches.ToString(CultureInfo.InvariantCulture),
                (timing.DecidingIndex + 1).ToString(CultureInfo.InvariantCulture), Format.Ms(timing.DetectMs), Format.Ms(timing.PushMs),
                Format.Ms(timing.EndToEndMs), Format.Ms(timing.FromSpikeStartMs));
            Console.WriteLine($"incident {i}/{incidents}: end to end {Format.Ms(timing.EndToEndMs)} ms (detect {Format.Ms(timing.DetectMs)}, push {Format.Ms(timing.PushMs)}), spike start → client {Format.Ms(timing.FromSpikeStartMs)} ms");
        }

        await stopBackground.CancelAsync().ConfigureAwait(false);
        var bg = await backgroundRun.ConfigureAwait(false);
        context.Report.Runs.Add(bg);

        var summary = new ReportTable("Alert end to end (ms, over incidents)", ["figure", "n", "p50", "p90", "p99", "max", "spec"]);
        AddSummary(summary, "202 of deciding batch → AlertsChanged (end to end)", [.. timings.Select(t => t.EndToEndMs)], $"p99 ≤ {TargetP99Ms} ms: {Verdict(timings)}");
        AddSummary(summary, "202 of deciding batch → detectedAt (detect)", [.. timings.Select(t => t.DetectMs)], "");
        AddSummary(summary, "detectedAt → AlertsChanged (push)", [.. timings.Select(t => t.PushMs)], "");
        AddSummary(summary, "202 of first spike batch → AlertsChanged", [.. timings.Select(t => t.FromSpikeStartMs)], "informational");
        context.Report.Tables.Add(summary);
        context.Report.Tables.Add(table);
        context.Report.Notes.Add($"Each incident: {Format.Seconds(healthy)} of healthy traffic on a fresh merchant, then 50 % payment_failed (failureKind error, declineCode 96) at {IncidentDriver.AttemptsPerSecond:0} attempts/s in batches of {IncidentDriver.SessionsPerBatch} complete sessions every {IncidentDriver.BatchInterval.TotalMilliseconds:0} ms, posted one at a time, until the alert arrives (at most {timeout.TotalSeconds:0} s).");
        context.Report.Notes.Add("Deciding batch: the last spike batch whose 202 reached the client at or before the alert's detectedAt (node and client share this host's clock). The alert opened after that 202 and before the next, so it is the first batch after which the alert is open. End to end = AlertsChanged received − that 202; it includes any wait of the detector for its next evaluation, which is the point. With fewer than 100 incidents p99 is the maximum.");
        context.Report.Notes.Add($"Node VmRSS: {NodeProcess.Mb(rssBefore)} before the incidents, {NodeProcess.Mb(context.Node.RssBytes())} after. Health pushes received by the board: {board.HealthUpdates}.");
    }

    private static string Verdict(IReadOnlyList<IncidentTiming> timings) =>
        timings.Count == 0 ? "not measured" : Percentiles.Of([.. timings.Select(t => t.EndToEndMs)], 99) <= TargetP99Ms ? "met" : "NOT met";

    private static void AddSummary(ReportTable table, string name, IReadOnlyList<double> values, string spec) =>
        table.Add([name, values.Count.ToString(CultureInfo.InvariantCulture), .. Percentiles.Row(values), spec]);
}
