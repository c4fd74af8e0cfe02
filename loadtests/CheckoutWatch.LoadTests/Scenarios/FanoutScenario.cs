using System.Collections.Concurrent;
using System.Globalization;
using CheckoutWatch.LoadTests.Http;
using CheckoutWatch.LoadTests.Load;
using CheckoutWatch.LoadTests.Node;
using CheckoutWatch.LoadTests.Reports;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>
/// N board clients on the hub (default 1,000; quick 50): node memory with N idle connections, then
/// incidents, each alert timed at every client from its detectedAt. Spec: every alert at all
/// 1,000 clients within 500 ms p99; 10,000 idle connections in ≤ 500 MB.
/// </summary>
public sealed class FanoutScenario : IScenario
{
    public const double TargetP99Ms = 500;
    public const long TargetIdleBytesFor10k = 500L * 1024 * 1024;

    public string Name => "fanout";

    public string Summary => "N SignalR board clients: node memory with N idle connections, and each alert's delivery time to every client";

    public string Usage => "fanout --target URL --key KEY --node-pid PID [--clients 1000] [--incidents 3] [--warmup 10s] [--quick]";

    public async Task RunAsync(ScenarioContext context)
    {
        var o = context.Options;
        var eventsUri = context.RequireTargetEventsUri();
        var nodeBase = context.RequireTargetBase();
        var clients = o.Clients ?? (context.Quick ? 50 : 1_000);
        var incidents = o.Incidents ?? (context.Quick ? 1 : 3);
        var healthy = context.Warmup(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5));
        var tag = ScenarioContext.NewRunTag();
        context.NoteNodeMemory();

        using var http = IngestHttp.CreateClient(8, o.RequestTimeout);
        var runner = new IncidentRunner(new IncidentDriver(http, eventsUri, o.ApiKey, tag), tag, healthy, TimeSpan.FromSeconds(30));
        var seen = new ConcurrentQueue<AlertSeen>();
        void OnAlert(AlertSeen alert)
        {
            if (alert.Client == 0)
            {
                runner.OnAlert(alert);
            }

            if (alert.Kind == "payment_failure_spike" && alert.Status == "open")
            {
                seen.Enqueue(alert);
            }
        }

        var rssBefore = await context.Node.SettledRssAsync(TimeSpan.FromSeconds(1), context.Cancellation).ConfigureAwait(false);
        var boards = new List<WarRoomBoard>(clients);
        var connectStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var connectFailures = 0;
        string? firstConnectError = null;
        try
        {
            for (var start = 0; start < clients; start += 25)
            {
                var chunk = Enumerable.Range(start, Math.Min(25, clients - start))
                    .Select(i => WarRoomBoard.ConnectAsync(nodeBase, i, OnAlert, context.Cancellation)).ToArray();
                foreach (var task in chunk)
                {
                    try
                    {
                        boards.Add(await task.ConfigureAwait(false));
                    }
                    catch (Exception ex) when (!context.Cancellation.IsCancellationRequested)
                    {
                        connectFailures++;
                        firstConnectError ??= ex.Message;
                    }
                }
            }

            var connectSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(connectStarted).TotalSeconds;
            var rssIdle = await context.Node.SettledRssAsync(TimeSpan.FromSeconds(5), context.Cancellation).ConfigureAwait(false);
            var connected = boards.Count(b => b.State == Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
            if (connectFailures > 0)
            {
                context.Fail($"{connectFailures} of {clients} board clients could not connect (first: {firstConnectError}).");
            }

            var memory = new ReportTable("Node memory with idle board connections", ["connections", "VmRSS before", "VmRSS idle", "per connection", "10,000 connections' own memory", "spec"]);
            if (rssBefore is { } before && rssIdle is { } idle && connected > 0)
            {
                var per = (idle - before) / (double)connected;
                var tenK = per * 10_000;
                memory.Add(Format.Count(connected), NodeProcess.Mb(before), NodeProcess.Mb(idle), $"{per / 1024:0.#} KiB",
                    NodeProcess.Mb((long)tenK) + (connected >= 10_000 ? " (measured)" : " (extrapolated)"),
                    $"10,000 idle in ≤ 500 MB: {(tenK <= TargetIdleBytesFor10k ? "met" : "NOT met")}{(connected >= 10_000 ? "" : " (extrapolated)")}");
            }
            else
            {
                memory.Add(Format.Count(connected), NodeProcess.Mb(rssBefore), NodeProcess.Mb(rssIdle), "n/a", "n/a", "not measured (no --node-pid)");
            }

            context.Report.Tables.Add(memory);
            context.Report.Notes.Add($"{Format.Count(connected)} clients connected in {connectSeconds:0.#} s (WebSockets, JSON protocol, negotiation skipped, 25 at a time).");

            var perAlert = new ReportTable("Delivery per alert (ms from detectedAt)", ["incident", "merchant", "clients reached", "p50", "p90", "p99", "max (last client)"]);
            var all = new List<double>();
            for (var i = 1; i <= incidents && !context.Cancellation.IsCancellationRequested; i++)
            {
                var (_, alert, problem) = await runner.RunAsync(i, context.Cancellation).ConfigureAwait(false);
                if (alert is null)
                {
                    context.Fail(problem ?? "no alert");
                    continue;
                }

                // Give the last clients up to 5 s to receive it.
                var deadline = DateTime.UtcNow.AddSeconds(5);
                while (seen.Count(s => s.Id == alert.Id && s.Sequence == alert.Sequence) < connected && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50, context.Cancellation).ConfigureAwait(false);
                }

                var deliveries = seen.Where(s => s.Id == alert.Id && s.Sequence == alert.Sequence)
                    .GroupBy(s => s.Client).Select(g => g.Min(s => (s.ReceivedAt - alert.DetectedAt).TotalMilliseconds)).ToList();
                all.AddRange(deliveries);
                perAlert.Add([i.ToString(CultureInfo.InvariantCulture), alert.MerchantId, $"{deliveries.Count} / {connected}", .. Percentiles.Row(deliveries)]);
                Console.WriteLine($"incident {i}/{incidents}: alert reached {deliveries.Count}/{connected} clients; p99 {Format.Ms(Percentiles.Of(deliveries, 99))} ms, last {Format.Ms(deliveries.DefaultIfEmpty(double.NaN).Max())} ms after detectedAt");
                if (deliveries.Count < connected)
                {
                    context.Fail($"Incident {i}: the alert reached {deliveries.Count} of {connected} clients within 5 s.");
                }
            }

            context.Report.Tables.Add(perAlert);
            var summary = new ReportTable("Delivery over all (client, alert) pairs (ms from detectedAt)", ["clients", "deliveries", "p50", "p90", "p99", "max", "spec"]);
            var p99 = Percentiles.Of(all, 99);
            summary.Add([Format.Count(connected), Format.Count(all.Count), .. Percentiles.Row(all),
                all.Count == 0 ? "not measured" : $"p99 ≤ {TargetP99Ms} ms: {(p99 <= TargetP99Ms ? "met" : "NOT met")}{(connected < 1_000 ? $" (only {connected} clients)" : "")}"]);
            context.Report.Tables.Add(summary);
            context.Report.Charts.Add(new ReportChart("delivery-by-client.svg", new SvgChart("delivery time by client rank (all alerts)", "clients reached (share, %)", "ms after detectedAt")
                .Add(new ChartSeries("delivery", "#1f77b4", [.. all.Order().Select((v, i) => (100.0 * (i + 1) / all.Count, v))])).Render()));
            context.Report.Notes.Add("Delivery is measured from the alert's detectedAt (node clock, same host) to the client's receipt; all clients live in this one harness process, whose own CPU on the shared 2 cores is part of the figure (conservative). Health pushes (one a second to every client) run during the measurement.");
            context.Report.Notes.Add($"Node VmRSS after the incidents: {NodeProcess.Mb(context.Node.RssBytes())}; peak so far (VmHWM): {NodeProcess.Mb(context.Node.PeakRssBytes())}.");
        }
        finally
        {
            foreach (var chunk in boards.Chunk(100))
            {
                await Task.WhenAll(chunk.Select(b => b.DisposeAsync().AsTask())).ConfigureAwait(false);
            }
        }
    }
}
