using System.Collections.Concurrent;
using System.Diagnostics;
using HdrHistogram;

namespace CheckoutWatch.LoadTests.Load;

/// <summary>
/// Counters and latency recorders that many request tasks update at once. Latencies go into
/// HdrHistogram <see cref="Recorder"/>s in microseconds, so the monitor can take a per-second
/// interval histogram without stopping the writers.
/// </summary>
public sealed class RunStats
{
    /// <summary>One hour in microseconds: anything slower is clamped (and is a timeout anyway).</summary>
    public const long HighestMicros = 3_600_000_000;

    private readonly ConcurrentDictionary<string, ErrorTally> _errors = new(StringComparer.Ordinal);
    private long _scheduled;
    private long _dropped;
    private long _sent;
    private long _ok;
    private long _failed;
    private long _events;
    private long _rejected;
    private long _duplicates;
    private long _inFlight;

    public Recorder Latency { get; } = NewRecorder();
    public Recorder SendLag { get; } = NewRecorder();

    public long Scheduled => Interlocked.Read(ref _scheduled);
    public long Dropped => Interlocked.Read(ref _dropped);
    public long Sent => Interlocked.Read(ref _sent);
    public long Ok => Interlocked.Read(ref _ok);
    public long Failed => Interlocked.Read(ref _failed);
    public long Events => Interlocked.Read(ref _events);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long InFlight => Interlocked.Read(ref _inFlight);

    public static LongHistogram NewHistogram() => new(1, HighestMicros, 3);

    public void OnScheduled() => Interlocked.Increment(ref _scheduled);

    public void OnDropped() => Interlocked.Increment(ref _dropped);

    /// <summary>A request leaves; <paramref name="lagTicks"/> is how late after its due time (null in a closed loop, which has no due times).</summary>
    public void OnSend(long? lagTicks)
    {
        Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _sent);
        if (lagTicks is { } lag)
        {
            SendLag.RecordValue(ToMicros(lag));
        }
    }

    public void OnComplete(in RequestOutcome outcome, long latencyTicks)
    {
        if (outcome.Ok)
        {
            Latency.RecordValue(ToMicros(latencyTicks));
            Interlocked.Increment(ref _ok);
            Interlocked.Add(ref _events, outcome.Events);
        }
        else
        {
            Interlocked.Increment(ref _failed);
            var tally = _errors.GetOrAdd(outcome.ErrorKind ?? "error", static _ => new ErrorTally());
            tally.Add(outcome.Detail);
        }

        if (outcome.RejectedEvents > 0)
        {
            Interlocked.Add(ref _rejected, outcome.RejectedEvents);
        }

        if (outcome.Duplicates > 0)
        {
            Interlocked.Add(ref _duplicates, outcome.Duplicates);
        }

        Interlocked.Decrement(ref _inFlight);
    }

    public IReadOnlyList<ErrorCount> Errors() =>
        [.. _errors.Select(e => new ErrorCount(e.Key, e.Value.Count, e.Value.Example)).OrderByDescending(e => e.Count)];

    private static long ToMicros(long ticks)
    {
        var micros = ticks * 1_000_000 / Stopwatch.Frequency;
        return Math.Clamp(micros, 1, HighestMicros);
    }

    private static Recorder NewRecorder() =>
        HistogramFactory.With64BitBucketSize()
            .WithValuesFrom(1)
            .WithValuesUpTo(HighestMicros)
            .WithPrecisionOf(3)
            .WithThreadSafeWrites()
            .WithThreadSafeReads()
            .Create();
}
