namespace CheckoutWatch.Detection.Windows;

/// <summary>
/// A fixed number of equal time buckets, each holding a few counters (channels). The newest
/// bucket is open and receives <see cref="Add"/>; <see cref="Advance"/> closes it once its time
/// is up. Buckets follow the monitor's clock (Evaluate), not event timestamps, so a late event
/// counts in the bucket that is open when it arrives.
/// </summary>
public sealed class BucketRing
{
    private readonly int[] _counts;
    private readonly long[] _startTicks;
    private readonly int _channels;
    private readonly long _lengthTicks;
    private int _head;
    private bool _started;

    public BucketRing(int buckets, int channels, TimeSpan bucketLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(bucketLength, TimeSpan.Zero);
        _counts = new int[buckets * channels];
        _startTicks = new long[buckets];
        _channels = channels;
        _lengthTicks = bucketLength.Ticks;
        Array.Fill(_startTicks, long.MinValue);
    }

    public int Buckets => _startTicks.Length;

    public TimeSpan BucketLength => TimeSpan.FromTicks(_lengthTicks);

    /// <summary>Start of the oldest bucket in memory.</summary>
    public DateTimeOffset OldestStart
    {
        get
        {
            for (var i = 1; i <= Buckets; i++)
            {
                var ticks = _startTicks[(_head + i) % Buckets];
                if (ticks != long.MinValue) return new DateTimeOffset(ticks, TimeSpan.Zero);
            }

            return DateTimeOffset.MinValue;
        }
    }

    public void Add(int channel, int count = 1) => _counts[_head * _channels + channel] += count;

    /// <summary>Moves to <paramref name="now"/>; returns true when at least one bucket closed.</summary>
    public bool Advance(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        if (!_started)
        {
            // Buckets start at multiples of their length, so every ring of a monitor (streams
            // created at different times) covers the same spans and windows compare.
            _started = true;
            _startTicks[_head] = ticks - ticks % _lengthTicks;
            return false;
        }

        var closed = false;
        // After a long gap, stop after one full turn: older buckets are empty anyway.
        for (var turns = 0; ticks - _startTicks[_head] >= _lengthTicks && turns < Buckets; turns++)
        {
            var next = _startTicks[_head] + _lengthTicks;
            _head = (_head + 1) % Buckets;
            _startTicks[_head] = turns == Buckets - 1 ? ticks - ticks % _lengthTicks : next;
            Array.Clear(_counts, _head * _channels, _channels);
            closed = true;
        }

        return closed;
    }

    /// <summary>Sums one channel over the buckets that end after <paramref name="since"/> (open bucket included).</summary>
    public long Sum(int channel, DateTimeOffset since)
    {
        long total = 0;
        var sinceTicks = since.UtcTicks;
        for (var i = 0; i < Buckets; i++)
        {
            var b = (_head - i + Buckets) % Buckets;
            if (_startTicks[b] == long.MinValue || _startTicks[b] + _lengthTicks <= sinceTicks) break;
            total += _counts[b * _channels + channel];
        }

        return total;
    }

    /// <summary>The counter of the most recently closed bucket (for charts), with its start.</summary>
    public (DateTimeOffset Start, int Count) LastClosed(int channel)
    {
        var b = (_head - 1 + Buckets) % Buckets;
        var start = _startTicks[b] == long.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(_startTicks[b], TimeSpan.Zero);
        return (start, _counts[b * _channels + channel]);
    }
}
