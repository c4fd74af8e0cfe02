using BenchmarkDotNet.Attributes;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Health;

namespace CheckoutWatch.Benchmarks;

/// <summary>
/// Counting one merchant's events (total and per PSP, method, network, decline code) and reading
/// its tile: the per-event cost that decides how many events one merchant grain can take.
/// </summary>
public class MerchantHealthCountersBenchmarks
{
    private const int Operations = 1_024;

    private CheckoutEvent[] _events = null!;
    private MerchantHealthCounters _counters = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _events = SampleEvents.MerchantStream(Operations);
        _counters = new MerchantHealthCounters("merchant-0001");
        _now = SampleEvents.Start;
        // Five minutes of history, so snapshots and breakdowns read full rings.
        for (var second = 0; second < MerchantHealthCounters.SpanSeconds; second++)
        {
            RecordAll(_now.AddSeconds(second));
        }

        _now = _now.AddSeconds(MerchantHealthCounters.SpanSeconds);
    }

    /// <summary>1,024 mixed events in one second (≈ a busy merchant), per event.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public void Record()
    {
        _now = _now.AddSeconds(1);
        RecordAll(_now);
    }

    [Benchmark]
    public HealthFigures Snapshot() => _counters.Snapshot(_now);

    [Benchmark]
    public IReadOnlyList<BreakdownRow> BreakdownByPsp() => _counters.Breakdown(BreakdownDimension.Psp, _now, 60);

    private void RecordAll(DateTimeOffset at)
    {
        foreach (var evt in _events)
        {
            _counters.Record(evt, at);
        }
    }
}
