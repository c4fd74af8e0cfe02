using CheckoutWatch.LoadTests.Generator;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>Prints one generated batch to stdout: the exact body the harness sends, to check the wire format by eye or with jq.</summary>
public sealed class SampleScenario : IScenario
{
    public string Name => "sample";

    public string Summary => "print one generated batch (the exact wire body) to stdout; sends nothing";

    public string Usage => "sample [--batch-size 20] [--ndjson] [--merchants 100] [--seed 42]";

    public bool WritesReport => false;

    public async Task RunAsync(ScenarioContext context)
    {
        var tag = ScenarioContext.NewRunTag();
        var size = context.Options.BatchSize == 500 ? 20 : context.Options.BatchSize;
        var body = BatchSource.CreateOne(context.NewGenerator(tag), context.NewWriter(tag), size);
        using var stdout = Console.OpenStandardOutput();
        await stdout.WriteAsync(body, context.Cancellation).ConfigureAwait(false);
        await stdout.WriteAsync("\n"u8.ToArray(), context.Cancellation).ConfigureAwait(false);
    }
}
