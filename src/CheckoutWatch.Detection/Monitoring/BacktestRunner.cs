using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Sessions;

namespace CheckoutWatch.Detection.Monitoring;

/// <summary>
/// Replays an event log in event time the way the live system runs it: session state machines
/// (duplicates dropped, stuck deadlines checked every simulated second) and one
/// <see cref="MerchantMonitor"/> per merchant and one <see cref="PspMonitor"/> per PSP (fed with the
/// merchants' per-PSP counts) evaluated every simulated second.
/// </summary>
public sealed class BacktestRunner(DetectionOptions options, KnowledgeBase knowledge, SessionTimeouts timeouts)
{
    private static readonly TimeSpan _tick = TimeSpan.FromSeconds(1);

    /// <summary>How often stream curves are sampled for charts.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the clock keeps running after the last event, so alerts can resolve and sessions get stuck.</summary>
    public TimeSpan Tail { get; init; } = TimeSpan.FromMinutes(5);

    public BacktestResult Run(IEnumerable<CheckoutEvent> events)
    {
        var ordered = events.OrderBy(e => e.OccurredAt).ToList();
        var state = new ReplayState(options, knowledge, timeouts);
        if (ordered.Count == 0) return state.Result(DateTimeOffset.MinValue, DateTimeOffset.MinValue);

        var from = Floor(ordered[0].OccurredAt);
        var clock = from;
        var nextSample = from;
        foreach (var evt in ordered)
        {
            while (evt.OccurredAt >= clock + _tick)
            {
                clock += _tick;
                state.Tick(clock, ref nextSample, SampleInterval);
            }

            state.Apply(evt);
        }

        // After the last event the log is silent because it ends, not because traffic stopped.
        state.EndOfLog(ordered[^1].OccurredAt);
        var end = clock + Tail;
        while (clock < end)
        {
            clock += _tick;
            state.Tick(clock, ref nextSample, SampleInterval);
        }

        return state.Result(from, clock);
    }

    private static DateTimeOffset Floor(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
