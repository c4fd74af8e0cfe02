namespace CheckoutWatch.Detection.Health;

/// <summary>
/// Per-second counters over a sliding span of whole seconds (a ring: no allocation per event).
/// Time is whatever the caller passes, so it works in wall time and in event time alike.
/// </summary>
public sealed class SecondRing
{
    private readonly OutcomeCounts[] _buckets;
    private long _newestSecond = long.MinValue;

    public SecondRing(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        _buckets = new OutcomeCounts[seconds];
    }

    public int Seconds => _buckets.Length;

    /// <summary>Adds counts at <paramref name="at"/>; counts older than the span are dropped.</summary>
    public void Add(DateTimeOffset at, OutcomeCounts counts)
    {
        var second = at.ToUnixTimeSeconds();
        AdvanceTo(second);
        if (second <= _newestSecond - _buckets.Length)
        {
            return;
        }

        ref var bucket = ref _buckets[Index(second)];
        bucket += counts;
    }

    /// <summary>Moves the ring forward so that <paramref name="now"/> is its newest second.</summary>
    public void AdvanceTo(DateTimeOffset now) => AdvanceTo(now.ToUnixTimeSeconds());

    /// <summary>The sum over the newest <paramref name="seconds"/> seconds.</summary>
    public OutcomeCounts Sum(int seconds) => Sum(0, seconds);

    /// <summary>The sum over <paramref name="seconds"/> seconds ending <paramref name="secondsAgo"/> before the newest.</summary>
    public OutcomeCounts Sum(int secondsAgo, int seconds)
    {
        var total = default(OutcomeCounts);
        if (_newestSecond == long.MinValue)
        {
            return total;
        }

        var from = Math.Max(0, secondsAgo);
        var to = Math.Min(_buckets.Length, secondsAgo + seconds);
        for (var i = from; i < to; i++)
        {
            total += _buckets[Index(_newestSecond - i)];
        }

        return total;
    }

    private void AdvanceTo(long second)
    {
        if (_newestSecond == long.MinValue)
        {
            _newestSecond = second;
            return;
        }

        if (second <= _newestSecond)
        {
            return;
        }

        var steps = Math.Min(second - _newestSecond, _buckets.Length);
        for (var i = 1; i <= steps; i++)
        {
            _buckets[Index(_newestSecond + i)] = default;
        }

        _newestSecond = second;
    }

    private int Index(long second) => (int)(((second % _buckets.Length) + _buckets.Length) % _buckets.Length);
}
