namespace CheckoutWatch.Detection.Sessions;

/// <summary>
/// A hashed timing wheel: items scheduled at an instant, collected once the wheel is advanced
/// past it. One wheel replaces a timer per item: scheduling is O(1), advancing one tick visits
/// one slot. An item due beyond one revolution stays in its slot and is passed over until its
/// revolution comes (the revolution is sized to exceed the usual deadlines, so that is rare).
/// Not thread-safe: its owner (a grain) calls it from one turn at a time.
/// </summary>
public sealed class TimingWheel<T>
{
    private readonly long _resolutionTicks;
    private readonly List<Entry>?[] _slots;
    private readonly int _mask;
    private long _current = long.MinValue;

    /// <param name="resolution">The length of one tick: items fire never early, at most one tick late.</param>
    /// <param name="slotCount">Ticks in one revolution; rounded up to a power of two.</param>
    public TimingWheel(TimeSpan resolution, int slotCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resolution, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(slotCount, 2);
        _resolutionTicks = resolution.Ticks;
        _slots = new List<Entry>?[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)slotCount)];
        _mask = _slots.Length - 1;
    }

    /// <summary>Items scheduled and not yet collected.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Schedules <paramref name="item"/> at <paramref name="due"/>. A due instant already passed
    /// fires at the next <see cref="Advance"/>.
    /// </summary>
    public void Schedule(T item, DateTimeOffset due)
    {
        var tick = TickOf(due, ceiling: true);
        if (_current != long.MinValue && tick <= _current)
        {
            tick = _current + 1;
        }

        ref var slot = ref _slots[(int)(tick & _mask)];
        (slot ??= new List<Entry>(4)).Add(new Entry(item, due));
        Count++;
    }

    /// <summary>
    /// Moves the wheel to <paramref name="now"/> and adds every item due by then to
    /// <paramref name="fired"/> with the instant it was scheduled for. A clock that steps back
    /// collects nothing.
    /// </summary>
    public void Advance(DateTimeOffset now, List<(T Item, DateTimeOffset Due)> fired)
    {
        var target = TickOf(now, ceiling: false);
        if (_current == long.MinValue)
        {
            // First advance: every slot may hold items scheduled before the wheel had a position.
            _current = target - _slots.Length;
        }

        if (target <= _current)
        {
            return;
        }

        // Past one revolution every slot is visited once; the due tick decides what fires.
        var from = Math.Max(_current + 1, target - _slots.Length + 1);
        for (var tick = from; tick <= target; tick++)
        {
            Collect(_slots[(int)(tick & _mask)], target, fired);
        }

        _current = target;
    }

    private void Collect(List<Entry>? slot, long target, List<(T Item, DateTimeOffset Due)> fired)
    {
        if (slot is null || slot.Count == 0)
        {
            return;
        }

        var kept = 0;
        for (var i = 0; i < slot.Count; i++)
        {
            var entry = slot[i];
            if (TickOf(entry.Due, ceiling: true) <= target)
            {
                fired.Add((entry.Item, entry.Due));
                Count--;
            }
            else
            {
                slot[kept++] = entry;
            }
        }

        slot.RemoveRange(kept, slot.Count - kept);
        if (slot.Capacity > 64 && slot.Count < slot.Capacity / 4)
        {
            slot.Capacity = Math.Max(4, slot.Count);
        }
    }

    // Items round up and the clock rounds down, so nothing fires before its due instant.
    private long TickOf(DateTimeOffset at, bool ceiling)
    {
        var tick = at.UtcTicks / _resolutionTicks;
        return ceiling && at.UtcTicks % _resolutionTicks != 0 ? tick + 1 : tick;
    }

    private readonly record struct Entry(T Item, DateTimeOffset Due);
}
