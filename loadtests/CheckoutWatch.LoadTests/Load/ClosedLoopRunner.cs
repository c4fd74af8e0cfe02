using System.Diagnostics;

namespace CheckoutWatch.LoadTests.Load;

/// <summary>
/// The closed model, as wrk and most benchmark tools run: <see cref="RunSpec.Connections"/> loops,
/// each sending its next request when the previous one answered. Latency runs from the actual
/// send, so it hides queueing; it is here to cross-check figures against such tools, not to
/// judge a server.
/// </summary>
public sealed class ClosedLoopRunner(RunSpec spec)
{
    public async Task<RunResult> RunAsync(IProgressSink progress, CancellationToken cancellationToken)
    {
        var stats = new RunStats();
        using var requests = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopMonitor = new CancellationTokenSource();
        var monitor = new RunMonitor(spec, stats, "closed", progress);
        var monitorTask = monitor.RunAsync(stopMonitor.Token);

        // The simulation's rate means nothing here, so its expected count is no cap: use the explicit one.
        var cap = spec.MaxRequests ?? 50_000_000;
        long issued = 0;
        var loops = Enumerable.Range(0, spec.Connections)
            .Select(_ => Task.Run(() => LoopAsync(stats, monitor.Start, () => Interlocked.Increment(ref issued) <= cap, requests.Token), CancellationToken.None))
            .ToArray();

        // The loops stop on their own at the duration; the extra cancellation is the backstop.
        requests.CancelAfter(spec.DurationCap + spec.RequestTimeout + TimeSpan.FromSeconds(1));
        await Task.WhenAll(loops).ConfigureAwait(false);

        await stopMonitor.CancelAsync().ConfigureAwait(false);
        await monitorTask.ConfigureAwait(false);
        return monitor.Finish();
    }

    private async Task LoopAsync(RunStats stats, long start, Func<bool> mayIssue, CancellationToken token)
    {
        while (!token.IsCancellationRequested && Stopwatch.GetElapsedTime(start) < spec.DurationCap && mayIssue())
        {
            stats.OnScheduled();
            stats.OnSend(null);
            var sent = Stopwatch.GetTimestamp();
            RequestOutcome outcome;
            try
            {
                outcome = await spec.Sender.SendAsync(token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                outcome = ErrorClassifier.FromException(ex, token);
            }

            stats.OnComplete(outcome, Stopwatch.GetTimestamp() - sent);
        }
    }
}
