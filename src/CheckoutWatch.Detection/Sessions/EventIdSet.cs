namespace CheckoutWatch.Detection.Sessions;

/// <summary>
/// The event ids a session has applied. A session sees a handful of events, where a list beats a
/// hash set in memory and speed; past <see cref="ListLimit"/> ids it moves to a hash set, so a
/// session with thousands of events does not pay a linear scan per event.
/// </summary>
internal sealed class EventIdSet
{
    public const int ListLimit = 16;

    private List<string>? _list = new(4);
    private HashSet<string>? _set;

    public int Count => _list?.Count ?? _set!.Count;

    public bool Contains(string eventId) => _list?.Contains(eventId) ?? _set!.Contains(eventId);

    public void Add(string eventId)
    {
        if (_list is null)
        {
            _set!.Add(eventId);
            return;
        }

        if (_list.Count < ListLimit)
        {
            _list.Add(eventId);
            return;
        }

        _set = new HashSet<string>(_list, StringComparer.Ordinal) { eventId };
        _list = null;
    }
}
