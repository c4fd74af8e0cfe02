using CheckoutWatch.LoadTests.Generator;
using CheckoutWatch.LoadTests.Http;
using CheckoutWatch.LoadTests.Load;
using CheckoutWatch.LoadTests.Reports;
using CheckoutWatch.LoadTests.Wrk;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>
/// Cross-checks the harness against wrk: both run closed-loop with the same connections for the
/// same time, POSTing one fixed batch to the baseline endpoint, and their figures go side by side.
/// </summary>
public sealed class WrkCheckScenario : IScenario
{
    public string Name => "wrk-check";

    public string Summary => "wrk and the harness's closed loop against the baseline endpoint (or --target), figures side by side (needs /usr/bin/wrk)";

    public string Usage => "wrk-check [--target URL --key KEY] [--connections 16] [--duration 5s] [--batch-size 500] [--quick]";

    public async Task RunAsync(ScenarioContext context)
    {
        if (!WrkRunner.IsInstalled)
        {
            context.Report.Notes.Add($"SKIPPED: {WrkRunner.Executable} is not installed (apt-get install -y wrk).");
            return;
        }

        var o = context.Options;
        var duration = context.Duration(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2));
        await using var server = o.Target is null ? await context.StartBaselineAsync().ConfigureAwait(false) : null;
        var eventsUri = server?.EventsUri ?? context.RequireTargetEventsUri();
        var key = server is null ? o.ApiKey : "";
        if (server is null)
        {
            context.Report.Notes.Add("Against --target: every repeat of the fixed batch is a duplicate there, so the node does less work than for fresh events.");
        }

        var tag = ScenarioContext.NewRunTag();
        var writer = context.NewWriter(tag);
        var body = BatchSource.CreateOne(context.NewGenerator(tag), writer, o.BatchSize);
        var directory = context.EnsureReportDirectory();
        var bodyPath = Path.Combine(directory, "wrk-batch" + (o.Ndjson ? ".ndjson" : ".json"));
        await File.WriteAllBytesAsync(bodyPath, body, context.Cancellation).ConfigureAwait(false);
        context.Report.Notes.Add($"Fixed batch: {o.BatchSize} events, {Format.Count(body.Length)} bytes ({bodyPath}); endpoint {eventsUri}; {o.Connections} connections, {Format.Seconds(duration)} each.");

        var fixedBatch = PooledBatch.Fixed(body, o.BatchSize);
        using var client = IngestHttp.CreateClient(o.Connections, o.RequestTimeout);
        var sender = new BatchPoster(client, eventsUri, key, _ => ValueTask.FromResult(fixedBatch), _ => { }, writer.ContentType, o.BatchSize);

        // Warm the server (connections, and long enough for tiered JIT to settle) before either tool measures.
        context.Report.Warmups.Add(await context.RunClosedAsync(context.Spec("harness closed loop (warm-up)", eventsUri.ToString(), sender, LoadSimulation.Constant(1, context.Warmup(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(0.5))))).ConfigureAwait(false));

        // Alternate the tools so that neither always meets a less (or more) warmed-up server,
        // and show every round: on a shared machine the spread between rounds is the noise.
        var rounds = context.Quick ? 1 : 2;
        var table = new ReportTable("wrk beside the harness (closed loop, same endpoint, body, connections and duration)",
            ["tool", "requests/s", "events/s", "avg ms", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors"]);
        double wrkTotal = 0, harnessTotal = 0;
        for (var round = 1; round <= rounds; round++)
        {
            var (wrk, output) = await WrkRunner.RunAsync(eventsUri, bodyPath, writer.ContentType, key, o.Connections, duration, directory, context.Cancellation).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(directory, $"wrk-output-{round}.txt"), output, context.Cancellation).ConfigureAwait(false);
            var harness = await context.RunClosedAsync(context.Spec($"harness closed loop, round {round}", eventsUri.ToString(), sender, LoadSimulation.Constant(1, duration))).ConfigureAwait(false);
            context.Report.Runs.Add(harness);

            if (wrk is null)
            {
                context.Fail($"Could not read wrk's output in round {round} (see wrk-output-{round}.txt).");
            }
            else
            {
                wrkTotal += wrk.RequestsPerSecond;
                table.Add($"wrk, round {round}", Format.Number(wrk.RequestsPerSecond), Format.Rate(wrk.RequestsPerSecond * o.BatchSize),
                    Format.Ms(wrk.AverageMs), Pct(wrk, 50), Pct(wrk, 90), Pct(wrk, 99), Format.Ms(wrk.MaxMs), Format.Count(wrk.Non2xx + wrk.SocketErrors));
                if (wrk.Non2xx + wrk.SocketErrors > 0)
                {
                    context.Fail($"wrk saw {wrk.Non2xx} non-2xx answers and {wrk.SocketErrors} socket errors in round {round}.");
                }
            }

            harnessTotal += harness.RequestsPerSecond;
            table.Add($"harness, round {round}", Format.Number(harness.RequestsPerSecond), Format.Rate(harness.EventsPerSecond), Format.Ms(harness.Latency.Mean),
                Format.Ms(harness.Latency.P50), Format.Ms(harness.Latency.P90), Format.Ms(harness.Latency.P99), Format.Ms(harness.Latency.Max), Format.Count(harness.Failed));
        }

        context.Report.Tables.Add(table);
        if (wrkTotal > 0)
        {
            context.Report.Notes.Add($"Harness ÷ wrk requests/s over all rounds: {Format.Ratio(harnessTotal / wrkTotal)}. Both run closed-loop and share the cores with the endpoint "
                + "(and, without --target, the harness shares its process with it); wrk runs one thread per core.");
        }
    }

    private static string Pct(WrkResult wrk, double p) => wrk.PercentilesMs.TryGetValue(p, out var v) ? Format.Ms(v) : "n/a";
}
