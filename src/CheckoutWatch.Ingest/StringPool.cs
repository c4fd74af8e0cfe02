namespace CheckoutWatch.Ingest;

/// <summary>
/// Shares one string instance per distinct value for the low-cardinality fields (merchant, PSP,
/// method, network, decline code): a batch of 5,000 events then allocates a handful of those
/// strings instead of 25,000, and the events of later batches on the same thread share them too.
/// Bounded: once full it stops adding, and <see cref="Trim"/> empties it between batches so that
/// hostile unique values cannot keep it full.
/// </summary>
internal sealed class StringPool
{
    private const int MaxEntries = 1024;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Trim()
    {
        if (_strings.Count >= MaxEntries)
        {
            _strings.Clear();
        }
    }

    public string Get(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var created = new string(text);
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(created);
        }

        return created;
    }
}
