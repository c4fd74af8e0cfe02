namespace CheckoutWatch.Detection.Windows;

/// <summary>
/// The last few hundred failures of a merchant, so that an alert opening now can count the
/// sessions, money and decline codes of its incident from the first failing event on.
/// </summary>
public sealed class RecentFailureLog(int capacity)
{
    // Allocated on the first failure: most merchants of a large platform rarely fail.
    private FailureRecord[] _records = [];
    private int _next;
    private int _count;

    public int Count => _count;

    public void Add(in FailureRecord record)
    {
        if (_records.Length == 0) _records = new FailureRecord[Math.Max(1, capacity)];
        _records[_next] = record;
        _next = (_next + 1) % _records.Length;
        if (_count < _records.Length) _count++;
    }

    /// <summary>Records at or after <paramref name="since"/>, oldest first.</summary>
    public IEnumerable<FailureRecord> Since(DateTimeOffset since)
    {
        for (var i = _count; i > 0; i--)
        {
            var record = _records[(_next - i + _records.Length) % _records.Length];
            if (record.At >= since) yield return record;
        }
    }
}
