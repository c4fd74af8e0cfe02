namespace CheckoutWatch.Detection.Windows;

/// <summary>
/// Counts per second of event time, handed out once a second has settled. An event older than
/// the oldest open second counts in that second (late, but not lost); a long quiet gap comes out
/// as one interval. The slots start at the first event or settle time seen.
/// </summary>
public sealed class SecondSlots(int capacity)
{
    private readonly int[] _counts = new int[capacity];
    private long _next = long.MinValue;

    public void Add(DateTimeOffset at)
    {
        var second = at.UtcTicks / TimeSpan.TicksPerSecond;
        if (_next == long.MinValue) _next = second;
        second = Math.Clamp(second, _next, _next + _counts.Length - 1);
        _counts[second % _counts.Length]++;
    }

    /// <summary>Every second that ended by <paramref name="settledUntil"/>, oldest first: (start, length in seconds, count).</summary>
    public IEnumerable<(DateTimeOffset Start, int Seconds, long Count)> Settle(DateTimeOffset settledUntil)
    {
        var end = settledUntil.UtcTicks / TimeSpan.TicksPerSecond;
        if (_next == long.MinValue)
        {
            _next = end;
            yield break;
        }

        for (var i = 0; _next < end && i < _counts.Length; i++, _next++)
        {
            var slot = _next % _counts.Length;
            var count = _counts[slot];
            _counts[slot] = 0;
            yield return (Start(_next), 1, count);
        }

        if (_next >= end) yield break;
        // Beyond the ring nothing can have been counted: one quiet interval.
        var gap = (int)Math.Min(int.MaxValue, end - _next);
        yield return (Start(_next), gap, 0);
        _next = end;
    }

    private static DateTimeOffset Start(long second) => new(second * TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
