using CheckoutWatch.LoadTests.Load;
using Spectre.Console;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>
/// Serves the bare baseline endpoint on its own, for a bounded time, so another harness process
/// can point <c>ingest</c> or <c>compare</c> at it (a stand-in node when none is running).
/// </summary>
public sealed class ServeBaselineScenario : IScenario
{
    public string Name => "serve-baseline";

    public string Summary => "serve the bare baseline endpoint alone on 127.0.0.1 for a bounded time (a stand-in target)";

    public string Usage => "serve-baseline [--port 5090] [--duration 10m]";

    public bool WritesReport => false;

    public async Task RunAsync(ScenarioContext context)
    {
        var duration = context.Options.Duration ?? TimeSpan.FromMinutes(10);
        if (duration > RunSpec.MaxRunDuration)
        {
            duration = RunSpec.MaxRunDuration;
        }

        await using var server = await context.StartBaselineAsync(context.Options.Port).ConfigureAwait(false);
        AnsiConsole.WriteLine($"Baseline endpoint listening on {server.EventsUri} for {Format.Seconds(duration)} (Ctrl+C stops it sooner).");
        try
        {
            await Task.Delay(duration, context.Cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }

        AnsiConsole.WriteLine("Baseline endpoint stopped.");
    }
}
