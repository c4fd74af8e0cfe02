using CheckoutWatch.LoadTests.Load;
using CheckoutWatch.LoadTests.Node;
using CheckoutWatch.LoadTests.Reports;

namespace CheckoutWatch.LoadTests.Scenarios;

/// <summary>
/// Grows the node to --count concurrent in-flight sessions (default 1,000,000; quick 10,000) by
/// sending only checkout_started events for distinct sessions, and reports node VmRSS and its
/// growth per session. Spec: ≥ 1,000,000 sessions, ≤ 4 KiB resident each.
/// </summary>
public sealed class SessionsScenario : IScenario
{
    public string Name => "sessions";

    public string Summary => "grow to N in-flight sessions (checkout_started only); node VmRSS and bytes per session";

    public string Usage => "sessions --target URL --key KEY --node-pid PID [--count 1M] [--rate 5k] [--merchants 100] [--quick]";

    public bool ToleratesErrors => true;

    public async Task RunAsync(ScenarioContext context)
    {
        var target = context.Options.Count ?? (context.Quick ? 10_000 : 1_000_000);
        var rate = context.Rate(5_000, 5_000);
        context.NoteNodeMemory();
        var (points, before) = await SessionGrowth.GrowAsync(context, target, rate, context.Options.Merchants).ConfigureAwait(false);
        context.Report.Tables.Add(SessionGrowth.Table(points, before));
        context.Report.Charts.AddRange(SessionGrowth.Charts(points, before));
        context.Report.Notes.Add($"Node VmRSS before: {NodeProcess.Mb(before)}. Verdict: {SessionGrowth.Verdict(points, before, target)}.");
        context.Report.Notes.Add("Per-session memory is the VmRSS growth divided by the sessions accepted, read 3 s after each segment. VmRSS includes GC headroom (the node does not collect on request), so it is an upper bound of the managed cost; the managed heap alone is not exposed by the node.");
        if (points.Count == 0 || points[^1].Sessions < 0.99 * target)
        {
            context.Fail($"Only {Format.Count(points.Count == 0 ? 0 : points[^1].Sessions)} of {Format.Count(target)} sessions were accepted.");
        }
    }
}
