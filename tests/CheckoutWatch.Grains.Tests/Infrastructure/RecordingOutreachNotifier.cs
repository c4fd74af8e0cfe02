using System.Collections.Concurrent;
using CheckoutWatch.Abstractions.Outreach;
using CheckoutWatch.Grains.Board;

namespace CheckoutWatch.Grains.Tests.Infrastructure;

/// <summary>Keeps every outreach push the grains make.</summary>
public sealed class RecordingOutreachNotifier : IOutreachNotifier
{
    private readonly ConcurrentQueue<OutreachItem> _items = new();
    private readonly ConcurrentQueue<Escalation> _escalations = new();

    public IReadOnlyCollection<OutreachItem> Items => _items;

    public IReadOnlyCollection<Escalation> Escalations => _escalations;

    public SavedToday? LastSaved { get; private set; }

    public void ItemsChanged(IReadOnlyList<OutreachItem> items, SavedToday saved)
    {
        foreach (var item in items)
        {
            _items.Enqueue(item);
        }

        LastSaved = saved;
    }

    public void EscalationRaised(Escalation escalation) => _escalations.Enqueue(escalation);
}
