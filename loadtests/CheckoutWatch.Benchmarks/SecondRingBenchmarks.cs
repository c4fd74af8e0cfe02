using BenchmarkDotNet.Attributes;
using CheckoutWatch.Detection.Health;

namespace CheckoutWatch.Benchmarks;

/// <summary>The per-second ring under every merchant counter: adding in the current second, moving forward, summing windows.</summary>
public class SecondRingBenchmarks
{
    private const int Operations = 1_000;
    private static readonly OutcomeCounts _attempt = new(0, 1, 0, 0);

    private SecondRing _ring = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _ring = new SecondRing(MerchantHealthCounters.SpanSeconds);
        _now = SampleEvents.Start;
        for (var i = 0; i < MerchantHealthCounters.SpanSeconds; i++)
        {
            _ring.Add(_now.AddSeconds(i), new OutcomeCounts(3, 2, 2, 0));
        }

        _now = _now.AddSeconds(MerchantHealthCounters.SpanSeconds);
    }

    /// <summary>The hot path: many events in the same second.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public void AddSameSecond()
    {
        for (var i = 0; i < Operations; i++)
        {
            _ring.Add(_now, _attempt);
        }
    }

    /// <summary>Ten events a second: every tenth add moves the ring forward a second.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public void AddAdvancingSeconds()
    {
        for (var i = 0; i < Operations; i++)
        {
            _now = _now.AddMilliseconds(100);
            _ring.Add(_now, _attempt);
        }
    }

    [Benchmark]
    public OutcomeCounts SumLastMinute() => _ring.Sum(60);

    [Benchmark]
    public OutcomeCounts SumFiveMinutes() => _ring.Sum(MerchantHealthCounters.SpanSeconds);
}
