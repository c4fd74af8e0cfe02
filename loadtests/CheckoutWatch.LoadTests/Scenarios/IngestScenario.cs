using CheckoutWatch.LoadTests.Load;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>POST batches at a fixed rate to a CheckoutWatch node and judge the result against the spec's latency target.</summary>
public sealed class IngestScenario : IScenario
{
    public string Name => "ingest";

    public string Summary => "POST batches at a rate to a CheckoutWatch node (--target, --key)";

    public string Usage => "ingest --target http://127.0.0.1:5080 --key KEY [--rate 40k] [--duration 30s] [--merchants 100] [--quick]";

    public async Task RunAsync(ScenarioContext context)
    {
        var eventsUri = context.RequireTargetEventsUri();
        if (context.Options.ApiKey.Length == 0)
        {
            context.Report.Notes.Add("No --key given (nor CHECKOUTWATCH_API_KEY): requests go without X-Api-Key.");
        }

        var rate = context.Rate(40_000, 20_000);
        var result = await context.MeasureAsync(
            "ingest",
            eventsUri,
            context.Options.ApiKey,
            rate,
            context.Duration(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2)),
            context.Warmup(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(0.5))).ConfigureAwait(false);

        context.Report.Tables.Add(SpecTargets.Table([(rate, result)], context.Options.P99LimitMs));
    }
}
