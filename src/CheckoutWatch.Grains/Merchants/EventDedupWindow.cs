using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CheckoutWatch.Grains.Merchants;

/// <summary>
/// The events one merchant grain counted recently, as 64-bit keyed hashes of (session id, event id),
/// so an event that comes back after a node's death counts once. An id is kept until
/// <c>max(last seen, occurredAt) + window</c>; ids live in generations of a twelfth of the window
/// each, dropped whole when they expire, so memory is about 20–30 bytes per event counted in the
/// last window. Past <c>maxEntries</c> the oldest generation goes early (the window shrinks for a
/// merchant flooding faster than the bound allows) and <see cref="EvictedEarly"/> grows.
/// </summary>
/// <remarks>
/// With n ids held, a new event is taken for a seen one with probability n / 2^64 (the seed is
/// random per activation, so a client cannot aim collisions): 2·10^6 ids give 1.1·10^-13 per event.
/// </remarks>
public sealed class EventDedupWindow(TimeSpan window, int maxEntries)
{
    private const int Generations = 12;
    private readonly long _sliceTicks = Math.Max(window.Ticks / Generations, TimeSpan.TicksPerMillisecond);
    private readonly SortedList<long, HashSet<ulong>> _byExpiry = [];
    private readonly XxHash3 _hash = new(Random.Shared.NextInt64());

    public TimeSpan Window => window;

    /// <summary>Ids held now.</summary>
    public int Count { get; private set; }

    /// <summary>Ids dropped before their time because the merchant held more than the bound.</summary>
    public long EvictedEarly { get; private set; }

    /// <summary>Whether the event is new (remembered now), or was counted within the window (seen again, kept longer).</summary>
    public bool TryAdd(string sessionId, string eventId, DateTimeOffset occurredAt, DateTimeOffset now)
    {
        var id = Hash(sessionId, eventId);
        var expiresAt = (occurredAt > now ? occurredAt : now).UtcTicks + window.Ticks;
        var slot = expiresAt / _sliceTicks + 1;
        var seen = false;
        var generations = _byExpiry.Values;
        for (var i = 0; i < generations.Count; i++)
        {
            if (generations[i].Contains(id))
            {
                seen = true;
                if (_byExpiry.Keys[i] >= slot) return false;
                generations[i].Remove(id);
                Count--;
                break;
            }
        }

        if (!_byExpiry.TryGetValue(slot, out var generation))
        {
            generation = [];
            _byExpiry.Add(slot, generation);
        }

        generation.Add(id);
        Count++;
        return !seen;
    }

    /// <summary>Drops the generations whose time is over, and the oldest ones while more than the bound are held.</summary>
    public void Expire(DateTimeOffset now)
    {
        var nowSlot = now.UtcTicks / _sliceTicks;
        while (_byExpiry.Count > 0 && (_byExpiry.Keys[0] <= nowSlot || Count > maxEntries))
        {
            var oldest = _byExpiry.Values[0];
            if (_byExpiry.Keys[0] > nowSlot) EvictedEarly += oldest.Count;
            Count -= oldest.Count;
            _byExpiry.RemoveAt(0);
        }
    }

    private ulong Hash(string sessionId, string eventId)
    {
        // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
        _hash.Reset();
        Span<int> length = [sessionId.Length];
        _hash.Append(MemoryMarshal.AsBytes(length));
        _hash.Append(MemoryMarshal.AsBytes(sessionId.AsSpan()));
        _hash.Append(MemoryMarshal.AsBytes(eventId.AsSpan()));
        return _hash.GetCurrentHashAsUInt64();
    }
}
