using CheckoutWatch.LoadTests.Load;
using CheckoutWatch.LoadTests.Node;
using CheckoutWatch.LoadTests.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>
/// Separates HTTP cost from grain cost: the same generated traffic at the same rate, (1) through
/// an Orleans client straight into the session grains and the ingest buffer, (2) session grains
/// only, and (3) through <c>POST /api/v1/events</c>. Events/s and latency per batch side by side.
/// </summary>
public sealed class GrainsScenario : IScenario
{
    public string Name => "grains";

    public string Summary => "an Orleans client calling ISessionPartitionGrain.ApplyAsync (+ the ingest buffer) directly, beside HTTP ingest at the same rate";

    public string Usage => "grains --target URL --key KEY [--gateway-port 30000] [--rate 5k] [--duration 20s] [--quick]";

    public async Task RunAsync(ScenarioContext context)
    {
        var o = context.Options;
        var eventsUri = context.RequireTargetEventsUri();
        var rate = context.Rate(5_000, 2_000);
        var duration = context.Duration(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(2));
        var warmup = context.Warmup(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(0.5));

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort: o.GatewayPort, serviceId: "checkoutwatch", clusterId: "checkoutwatch"));
        using var host = builder.Build();
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation))
        {
            connect.CancelAfter(TimeSpan.FromSeconds(30));
            await host.StartAsync(connect.Token).ConfigureAwait(false);
        }

        var grains = host.Services.GetRequiredService<IClusterClient>();
        var results = new List<(string Path, RunResult Run)>();
        foreach (var (label, sessionsOnly) in new[] { ("grains: sessions + buffer", false), ("grains: sessions only", true) })
        {
            var tag = ScenarioContext.NewRunTag();
            var sender = new GrainBatchSender(grains, context.NewGenerator(tag), o.BatchSize, sessionsOnly);
            var rps = rate / o.BatchSize;
            if (warmup > TimeSpan.Zero)
            {
                context.Report.Warmups.Add(await context.RunOpenAsync(context.Spec($"{label} (warm-up)", $"orleans gateway 127.0.0.1:{o.GatewayPort}", sender, LoadSimulation.Constant(rps, warmup))).ConfigureAwait(false));
            }

            var run = await context.RunOpenAsync(context.Spec($"{label} @ {Format.Rate(rate)} ev/s", $"orleans gateway 127.0.0.1:{o.GatewayPort}", sender, LoadSimulation.Constant(rps, duration))).ConfigureAwait(false);
            context.Report.Runs.Add(run);
            results.Add((label, run));
        }

        var http = await context.MeasureAsync($"http ingest @ {Format.Rate(rate)} ev/s", eventsUri, o.ApiKey, rate, duration, warmup).ConfigureAwait(false);
        results.Add(("http ingest", http));
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);

        var table = new ReportTable("Grain path against HTTP path (same rate, same run)", ["path", "events/s", "p50 ms", "p99 ms", "max ms", "failed", "dropped", "p99 ÷ grains p99"]);
        var grainP99 = results[0].Run.Latency.P99;
        foreach (var (path, run) in results)
        {
            table.Add(path, Format.Rate(run.EventsPerSecond), Format.Ms(run.Latency.P50), Format.Ms(run.Latency.P99), Format.Ms(run.Latency.Max),
                Format.Count(run.Failed), Format.Count(run.DroppedByClient), Format.Ratio(grainP99 > 0 ? run.Latency.P99 / grainP99 : null));
        }

        context.Report.Tables.Add(table);
        context.Report.Notes.Add("The grain runs do from outside what the node's IngestPipeline does after parsing: one ApplyAsync per session in the batch, then one IIngestBufferGrain.AddAsync per merchant. An external client pays serialization and a gateway hop the co-hosted HTTP path does not, so the grain figure is a pessimistic bound of the grain cost; the HTTP path adds Kestrel, the JSON parser and validation on top.");
    }
}
