using CheckoutWatch.Detection.Events;
using FsCheck;
using FsCheck.Fluent;

namespace CheckoutWatch.Detection.Tests.Sessions;

/// <summary>
/// A session's events as a sender might deliver them: any types, in any order, some delivered
/// again — with the same id and sometimes different content. Timestamps are distinct, so the
/// "latest payment event" is well defined whatever the order.
/// </summary>
public sealed record SessionScript(IReadOnlyList<CheckoutEvent> Deliveries)
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly long[] _amounts = [0, 1, 4_999, long.MaxValue, long.MaxValue - 1, long.MaxValue / 2 + 1];

    /// <summary>The first delivery of each event id, in delivery order: what the session applies.</summary>
    public IReadOnlyList<CheckoutEvent> Applied =>
        Deliveries.DistinctBy(e => e.EventId).ToList();

    public override string ToString() =>
        string.Join(" ", Deliveries.Select(e => $"{e.EventId}:{e.Type}@{(e.OccurredAt - T0).TotalSeconds}"));

    public static Gen<SessionScript> Generator() =>
        from count in Gen.Choose(1, 30)
        from events in Gen.CollectToArray(Enumerable.Range(0, count), i => Event($"e{i}", i))
        from repeats in Gen.ArrayOf(Gen.Choose(0, count - 1))
        from variants in Gen.CollectToArray(repeats, i => Gen.Frequency((1, Gen.Constant(events[i])), (1, Event(events[i].EventId, i + count))))
        from order in Gen.Shuffle(events.Concat(variants).ToArray())
        select new SessionScript(order);

    /// <summary>The same deliveries, shuffled again (for order-independence).</summary>
    public Gen<SessionScript> Reordered() => Gen.Shuffle(Deliveries.ToArray()).Select(d => new SessionScript(d));

    private static Gen<CheckoutEvent> Event(string id, int slot) =>
        from type in Gen.Elements(Enum.GetValues<CheckoutEventType>())
        from amount in Gen.Elements(_amounts)
        from kind in Gen.Elements(FailureKind.Declined, FailureKind.Error, FailureKind.Timeout)
        select new CheckoutEvent(id, "shop", "s1", type, T0.AddSeconds(slot * 7))
        {
            AmountMinor = type is CheckoutEventType.CheckoutCompleted or CheckoutEventType.CheckoutAbandoned ? null : amount,
            Currency = "EUR",
            Psp = "psp",
            PaymentMethod = "card",
            FailureKind = type == CheckoutEventType.PaymentFailed ? kind : FailureKind.None,
            DeclineCode = type == CheckoutEventType.PaymentFailed ? "51" : null,
        };
}
