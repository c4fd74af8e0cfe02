using System.Text;
using CheckoutWatch.LoadTests.Scenarios;

namespace CheckoutWatch.LoadTests.Cli;

/// <summary>The help text, built from the registered scenarios.</summary>
public static class UsageText
{
    public static string Build()
    {
        var text = new StringBuilder();
        text.AppendLine("CheckoutWatch load harness: open-model load on loopback, reports in loadtests/reports/.");
        text.AppendLine();
        text.AppendLine("usage: dotnet run --project loadtests/CheckoutWatch.LoadTests -c Release -- <scenario> [options]");
        text.AppendLine();
        text.AppendLine("scenarios:");
        foreach (var scenario in ScenarioCatalog.All)
        {
            text.AppendLine($"  {scenario.Name,-15} {scenario.Summary}");
            text.AppendLine($"  {"",-15} {scenario.Usage}");
        }

        text.AppendLine();
        text.AppendLine("common options:");
        text.AppendLine("  --quick                 CI size: a few seconds in all; exit code 0 only if no request failed");
        text.AppendLine("  --target URL            a node on 127.0.0.1 / localhost / [::1] only (anything else is refused)");
        text.AppendLine("  --key KEY               X-Api-Key for the node (or CHECKOUTWATCH_API_KEY)");
        text.AppendLine("  --rate N                offered events/s (40k, 1.5k ...); requests/s = rate / batch size");
        text.AppendLine("  --ramp-from N           measured runs ramp from N events/s up to --rate instead of holding it");
        text.AppendLine("  --duration T --warmup T 30s, 500ms, 2m; the warm-up runs at the same rate and is reported apart");
        text.AppendLine("  --batch-size N          events per request (500); --ndjson sends application/x-ndjson");
        text.AppendLine("  --merchants N --merchant-prefix P --sessions N --seed N   shape of the generated traffic");
        text.AppendLine("  --max-in-flight N       cap on concurrent requests (256); due requests past it are dropped and counted");
        text.AppendLine("  --max-requests N        hard cap on requests per run (default: the run's expected count + 10 %)");
        text.AppendLine("  --timeout T             per request (10s); --poisson for exponential inter-arrival times");
        text.AppendLine("  --node-pid PID          the node's process id: its VmRSS is read from /proc/<pid>/status (memory figures)");
        text.AppendLine("  --clients N --incidents N --count N --capacity N --gateway-port N   node scenarios (see each usage)");
        text.AppendLine("  --reports DIR           where report folders go; --no-live for plain progress lines");
        return text.ToString();
    }
}
