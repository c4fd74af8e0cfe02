using System.Diagnostics;

namespace CheckoutWatch.LoadTests.Load;

/// <summary>
/// The open model: request i is due at a time computed from the arrival rate alone, and is
/// launched at that time whether or not earlier requests have answered. Latency runs from the
/// due time, not from the moment the request actually left, so a server that stalls is charged
/// for every request that queued behind the stall (no coordinated omission). A due request that
/// would exceed <see cref="RunSpec.MaxInFlight"/> is not sent and is counted as dropped by the client.
/// </summary>
public sealed class OpenModelRunner(RunSpec spec)
{
    // Due times are found by integrating the rate in slices no longer than this, so ramps that
    // start at zero and very low rates still come out right.
    private const double MaxSliceSeconds = 0.01;

    /// <summary>Runs the schedule, then drains. <paramref name="stopScheduling"/> ends the schedule early without cancelling the requests in flight (they drain as at a normal end); <paramref name="cancellationToken"/> cancels everything. <paramref name="progress"/> gets a snapshot a second.</summary>
    public async Task<RunResult> RunAsync(IProgressSink progress, CancellationToken cancellationToken, CancellationToken stopScheduling = default)
    {
        var stats = new RunStats();
        using var requests = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopMonitor = new CancellationTokenSource();
        var monitor = new RunMonitor(spec, stats, "open", progress);
        var monitorTask = monitor.RunAsync(stopMonitor.Token);

        using var schedule = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopScheduling);
        await ScheduleAsync(stats, monitor.Start, requests.Token, schedule.Token).ConfigureAwait(false);
        await RunDrain.WaitAsync(stats, spec.RequestTimeout, requests).ConfigureAwait(false);

        await stopMonitor.CancelAsync().ConfigureAwait(false);
        await monitorTask.ConfigureAwait(false);
        return monitor.Finish();
    }

    /// <summary>
    /// The schedule runs on its own thread so that a saturated thread pool (the in-process
    /// baseline server shares it) cannot delay due times; requests themselves go to the pool.
    /// </summary>
    private Task ScheduleAsync(RunStats stats, long start, CancellationToken requestToken, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Schedule(stats, start, requestToken, cancellationToken);
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "open-model scheduler",
        };
        thread.Start();
        return done.Task;
    }

    private void Schedule(RunStats stats, long start, CancellationToken requestToken, CancellationToken cancellationToken)
    {
        var random = new Random(spec.Seed);
        var end = spec.DurationCap.TotalSeconds;
        var cap = spec.RequestCap;
        var due = NextDue(0, end, random);
        for (long count = 0; count < cap && due < end && !cancellationToken.IsCancellationRequested; count++)
        {
            // Sleep in slices of at most 50 ms to notice cancellation, and round the last one
            // up: a request may leave a little late (the lag is recorded and charged to its
            // latency) but never before its due time.
            double wait;
            while ((wait = due - Stopwatch.GetElapsedTime(start).TotalSeconds) > 0 && !cancellationToken.IsCancellationRequested)
            {
                Thread.Sleep((int)Math.Ceiling(Math.Min(wait, 0.05) * 1000));
            }

            var dueTimestamp = start + (long)(due * Stopwatch.Frequency);
            stats.OnScheduled();
            if (stats.InFlight >= spec.MaxInFlight)
            {
                stats.OnDropped();
            }
            else
            {
                stats.OnSend(Math.Max(0, Stopwatch.GetTimestamp() - dueTimestamp));
                _ = Task.Run(() => ExecuteAsync(stats, dueTimestamp, requestToken), CancellationToken.None);
            }

            due = NextDue(due, end, random);
        }
    }

    private async Task ExecuteAsync(RunStats stats, long dueTimestamp, CancellationToken token)
    {
        RequestOutcome outcome;
        try
        {
            outcome = await spec.Sender.SendAsync(token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            outcome = ErrorClassifier.FromException(ex, token);
        }

        stats.OnComplete(outcome, Stopwatch.GetTimestamp() - dueTimestamp);
    }

    /// <summary>The next due time after <paramref name="from"/>: where the integral of the rate reaches one arrival.</summary>
    private double NextDue(double from, double end, Random random)
    {
        var needed = spec.Poisson ? -Math.Log(1 - random.NextDouble()) : 1.0;
        var t = from;
        while (t < end)
        {
            var rate = spec.Load.RateAt(TimeSpan.FromSeconds(t));
            if (rate <= 0)
            {
                t += MaxSliceSeconds;
                continue;
            }

            var slice = needed / rate;
            if (slice <= MaxSliceSeconds)
            {
                return t + slice;
            }

            needed -= rate * MaxSliceSeconds;
            t += MaxSliceSeconds;
        }

        return end;
    }
}
