using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Ingest;

/// <summary>Collects the items of one batch and the two views the server needs of them.</summary>
internal sealed class BatchResultBuilder(int capacity)
{
    private readonly List<ParsedItem> _items = new(capacity);
    private readonly List<CheckoutEvent> _events = new(capacity);
    private readonly List<RejectedEvent> _rejected = [];

    public void Add(ParsedItem item)
    {
        _items.Add(item);
        if (item.IsValid)
        {
            _events.Add(item.Event);
        }
        else
        {
            _rejected.Add(new RejectedEvent(item.Index, item.EventId, item.Errors));
        }
    }

    public BatchParseResult Build() => BatchParseResult.Success(_items, _events, _rejected);
}
