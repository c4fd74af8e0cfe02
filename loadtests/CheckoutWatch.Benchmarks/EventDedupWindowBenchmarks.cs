using BenchmarkDotNet.Attributes;
using CheckoutWatch.Grains.Merchants;

namespace CheckoutWatch.Benchmarks;

/// <summary>
/// What cluster mode's dedup adds per event in a merchant grain: one keyed hash and a look-up in a
/// dozen generations, then an insert. Measured with the window already holding <see cref="Held"/> ids.
/// </summary>
[MemoryDiagnoser]
public class EventDedupWindowBenchmarks
{
    private const int Operations = 10_000;

    private EventDedupWindow _window = null!;
    private string[] _fresh = null!;
    private DateTimeOffset _now;
    private int _round;

    [Params(100_000, 2_000_000)]
    public int Held { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _window = new EventDedupWindow(TimeSpan.FromMinutes(2), int.MaxValue);
        _now = SampleEvents.Start;
        // Spread over the window, as a steady stream leaves them.
        for (var i = 0; i < Held; i++)
        {
            var at = _now.AddTicks(TimeSpan.FromMinutes(2).Ticks * i / Held);
            _window.TryAdd($"session-{i / 8}", $"evt-{i:x8}-0000-4000-8000-000000000000", at, at);
        }

        _now = _now.AddMinutes(2);
        _fresh = [.. Enumerable.Range(0, Operations).Select(i => $"new-{i:x8}-0000-4000-8000-000000000000")];
    }

    /// <summary>A new event: not found anywhere, remembered.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public int AddNew()
    {
        var session = $"fresh-{_round++}";
        var added = 0;
        foreach (var id in _fresh)
        {
            if (_window.TryAdd(session, id, _now, _now)) added++;
        }

        return added;
    }

    /// <summary>A redelivered event already held: found, dropped.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public int SeenAgain()
    {
        var dropped = 0;
        for (var i = 0; i < Operations; i++)
        {
            if (!_window.TryAdd($"session-{i / 8}", $"evt-{i:x8}-0000-4000-8000-000000000000", _now.AddMinutes(-2), _now)) dropped++;
        }

        return dropped;
    }
}
