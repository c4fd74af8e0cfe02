using CheckoutWatch.LoadTests.Load;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>The harness against its own bare Kestrel endpoint: what HTTP plus JSON parsing alone costs on this machine.</summary>
public sealed class BaselineScenario : IScenario
{
    public string Name => "baseline";

    public string Summary => "POST batches at a rate to the harness's own bare Kestrel endpoint (parse only, 202)";

    public string Usage => "baseline [--rate 40k] [--duration 30s] [--warmup 3s] [--batch-size 500] [--ndjson] [--quick]";

    public async Task RunAsync(ScenarioContext context)
    {
        await using var server = await context.StartBaselineAsync().ConfigureAwait(false);
        context.Report.Notes.Add($"Baseline endpoint: {server.EventsUri} (bare Kestrel in this process, JsonDocument parse, 202).");
        var rate = context.Rate(40_000, 20_000);
        await context.MeasureAsync(
            "baseline",
            server.EventsUri,
            "",
            rate,
            context.Duration(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2)),
            context.Warmup(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(0.5))).ConfigureAwait(false);
    }
}
