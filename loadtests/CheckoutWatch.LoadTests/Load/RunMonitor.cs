using System.Diagnostics;
using HdrHistogram;

namespace CheckoutWatch.LoadTests.Load;

/// <summary>
/// Takes a per-second interval histogram from the run's recorders, keeps the per-second series
/// for the report, sums the intervals into the run's total histogram and feeds the live display.
/// </summary>
internal sealed class RunMonitor(RunSpec spec, RunStats stats, string model, IProgressSink progress)
{
    private readonly Lock _lock = new();
    private readonly List<SecondSample> _seconds = [];
    private readonly LongHistogram _latency = RunStats.NewHistogram();
    private readonly LongHistogram _lag = RunStats.NewHistogram();
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private readonly long _start = Stopwatch.GetTimestamp();
    private HistogramBase? _intervalLatency;
    private HistogramBase? _intervalLag;
    private HistogramBase? _previousInterval;
    private double _previousFrom;
    private double _lastAt;
    private long _lastOk;
    private long _lastFailed;
    private long _lastDropped;
    private long _lastEvents;

    public long Start => _start;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_start);

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                Sample(report: true);
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over; Finish takes the last partial interval.
        }
    }

    public RunResult Finish()
    {
        Sample(report: false);
        var elapsed = Math.Max(_lastAt, 0.001);
        return new RunResult
        {
            Name = spec.Name,
            Target = spec.Target,
            Model = model,
            Load = model == "open" ? spec.Load.Describe(spec.Sender.EventsPerRequest) : $"closed loop, {spec.Connections} connections for {Format.Seconds(spec.Load.Duration)}",
            EventsPerRequest = spec.Sender.EventsPerRequest,
            StartedAt = _startedAt,
            PlannedSeconds = Math.Round(spec.DurationCap.TotalSeconds, 3),
            ElapsedSeconds = Math.Round(elapsed, 3),
            Scheduled = stats.Scheduled,
            Sent = stats.Sent,
            Ok = stats.Ok,
            Failed = stats.Failed,
            DroppedByClient = stats.Dropped,
            EventsAccepted = stats.Events,
            EventsRejected = stats.Rejected,
            Duplicates = stats.Duplicates,
            RequestsPerSecond = Math.Round(stats.Ok / elapsed, 2),
            EventsPerSecond = Math.Round(stats.Events / elapsed, 1),
            Latency = LatencySummary.From(_latency),
            SendLag = LatencySummary.From(_lag),
            Errors = stats.Errors(),
            Seconds = [.. _seconds],
            Distribution = Distribution(_latency),
            Histogram = _latency,
        };
    }

    private void Sample(bool report)
    {
        lock (_lock)
        {
            var at = Elapsed.TotalSeconds;
            var interval = at - _lastAt;
            if (interval <= 0.0005)
            {
                return;
            }

            _intervalLatency = stats.Latency.GetIntervalHistogram(_intervalLatency);
            _intervalLag = stats.SendLag.GetIntervalHistogram(_intervalLag);
            _latency.Add(_intervalLatency);
            _lag.Add(_intervalLag);

            long ok = stats.Ok, failed = stats.Failed, dropped = stats.Dropped, events = stats.Events;
            var from = _lastAt;
            var counts = (Ok: ok - _lastOk, Failed: failed - _lastFailed, Dropped: dropped - _lastDropped, Events: events - _lastEvents);
            var histogram = _intervalLatency.Copy();

            // The drain after the last due time is usually a sliver of a second; a rate over a
            // sliver is noise, so it joins the second before it.
            if (!report && interval < 0.5 && _seconds.Count > 0 && _previousInterval is not null)
            {
                var previous = _seconds[^1];
                from = _previousFrom;
                counts = (counts.Ok + previous.Ok, counts.Failed + previous.Failed, counts.Dropped + previous.Dropped,
                    counts.Events + (long)Math.Round(previous.EventsPerSecond * (previous.At - _previousFrom)));
                histogram.Add(_previousInterval);
                _seconds.RemoveAt(_seconds.Count - 1);
            }

            var current = LatencySummary.From(histogram);
            // The offered rate in the middle of the interval; the drain after the end still shows the last rate.
            var middle = Math.Clamp(from + ((at - from) / 2), 0, Math.Max(0, spec.DurationCap.TotalSeconds - 1e-6));
            var rate = model == "open" ? spec.Load.RateAt(TimeSpan.FromSeconds(middle)) : 0;
            double? target = model == "open" ? rate * spec.Sender.EventsPerRequest : null;
            var sample = new SecondSample(
                Math.Round(at, 3),
                counts.Ok,
                counts.Failed,
                counts.Dropped,
                Math.Round(counts.Events / (at - from), 1),
                target,
                current.P50,
                current.P99,
                current.Max,
                stats.InFlight);
            _seconds.Add(sample);
            (_previousFrom, _previousInterval) = (from, histogram);
            (_lastAt, _lastOk, _lastFailed, _lastDropped, _lastEvents) = (at, ok, failed, dropped, events);

            if (!report)
            {
                return;
            }

            progress.Report(new ProgressSnapshot(
                spec.Name,
                TimeSpan.FromSeconds(at),
                spec.DurationCap,
                target,
                sample.EventsPerSecond,
                ok,
                failed,
                dropped,
                stats.InFlight,
                current.P99,
                _latency.TotalCount == 0 ? 0 : _latency.GetValueAtPercentile(99) / 1000.0));
        }
    }

    private static List<PercentilePoint> Distribution(HistogramBase histogram)
    {
        var points = new List<PercentilePoint>();
        if (histogram.TotalCount == 0)
        {
            return points;
        }

        foreach (var value in histogram.Percentiles(5))
        {
            var point = new PercentilePoint(Math.Round(value.PercentileLevelIteratedTo, 5), Math.Round(value.ValueIteratedTo / 1000.0, 3));
            if (points.Count == 0 || points[^1].Percentile < point.Percentile)
            {
                points.Add(point);
            }
        }

        return points;
    }
}
