using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Outreach;

namespace CheckoutWatch.Grains.Outreach;

/// <summary>
/// The queue's pure rules: who counts as one customer, which reason wins when findings meet, the
/// priority order, and the saved-today figures.
/// </summary>
public static class OutreachRules
{
    /// <summary>
    /// Urgency weight of a reason. A duplicate charge always comes first (the customer lost money
    /// to us); after it: stuck at payment (the customer is probably still at the checkout), a
    /// failure inside an incident (our fault, not theirs), repeated failures (often the card).
    /// </summary>
    public static int Urgency(OutreachReason reason) => reason switch
    {
        OutreachReason.DuplicateCharge => 4,
        OutreachReason.StuckAtPayment => 3,
        OutreachReason.IncidentFailure => 2,
        _ => 1,
    };

    /// <summary>
    /// The queue order: open, then claimed, then done; among them duplicate charges first, then
    /// amount (minor units, unconverted) × urgency, highest first; then oldest first.
    /// </summary>
    public static IOrderedEnumerable<OutreachItem> Prioritise(IEnumerable<OutreachItem> items) => items
        .OrderBy(i => i.Status)
        .ThenByDescending(i => i.Reason == OutreachReason.DuplicateCharge)
        .ThenByDescending(Score)
        .ThenBy(i => i.CreatedAt)
        .ThenBy(i => i.Id, StringComparer.Ordinal);

    /// <summary>Amount × urgency; an item without an amount counts as one minor unit.</summary>
    public static decimal Score(OutreachItem item) => Math.Max(1, item.Case.AmountMinor ?? 1) * (decimal)Urgency(item.Reason);

    /// <summary>One customer per merchant: the customer id, else the e-mail, else the session.</summary>
    public static string CustomerKey(OutreachCandidate c) =>
        c.MerchantId + "|" + (c.Customer?.Id ?? c.Customer?.Email?.Trim().ToLowerInvariant() ?? "session:" + c.SessionId);

    /// <summary>The case an open item keeps when a new finding about the same customer arrives.</summary>
    public static OutreachCandidate Merge(OutreachCandidate known, OutreachCandidate incoming)
    {
        var winner = Urgency(incoming.Reason) > Urgency(known.Reason) ? incoming : known;
        // Contact data and amount may arrive with either finding; never lose what one of them knew.
        return winner with
        {
            Customer = winner.Customer ?? (winner == known ? incoming.Customer : known.Customer),
            AmountMinor = winner.AmountMinor ?? (winner == known ? incoming.AmountMinor : known.AmountMinor),
            Currency = winner.Currency ?? (winner == known ? incoming.Currency : known.Currency),
            DeclineCode = winner.DeclineCode ?? (winner == known ? incoming.DeclineCode : known.DeclineCode),
        };
    }

    /// <summary>Midnight UTC of <paramref name="now"/>'s day: "today" starts there.</summary>
    public static DateTimeOffset DayStart(DateTimeOffset now) => new(now.UtcDateTime.Date, TimeSpan.Zero);

    public static SavedToday SavedToday(IEnumerable<OutreachItem> items, DateTimeOffset now)
    {
        var start = DayStart(now);
        var all = items.ToList();
        var today = all.Where(i => i.Status == OutreachStatus.Done && i.OutcomeAt >= start).ToList();
        var recovered = today.Where(i => i.Outcome == OutreachOutcome.Recovered).ToList();
        var revenue = recovered
            .GroupBy(i => i.Case.Currency ?? "XXX", StringComparer.Ordinal)
            .Select(g => new CurrencyAmount(g.Key, g.Sum(i => i.RecoveredAmountMinor ?? 0)))
            .OrderByDescending(a => a.AmountMinor)
            .ThenBy(a => a.Currency, StringComparer.Ordinal)
            .ToImmutableArray();
        return new SavedToday(DateOnly.FromDateTime(start.UtcDateTime), recovered.Count, revenue,
            all.Count(i => i.Status == OutreachStatus.Open), all.Count(i => i.Status == OutreachStatus.Claimed),
            today.Count(i => i.Outcome == OutreachOutcome.Refunded));
    }
}
