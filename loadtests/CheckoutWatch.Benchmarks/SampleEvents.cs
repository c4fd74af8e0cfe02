using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Benchmarks;

/// <summary>Deterministic checkout events for the benchmarks, with realistic shares of types and dimensions.</summary>
public static class SampleEvents
{
    public static readonly DateTimeOffset Start = new(2025, 11, 3, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] _psps = ["stripe", "adyen", "checkout_com"];
    private static readonly string[] _methods = ["card", "card", "card", "apple_pay", "paypal"];
    private static readonly string[] _networks = ["visa", "mastercard", "amex"];
    private static readonly string[] _declines = ["05", "51", "54", "N7", "91"];

    /// <summary>A mixed stream for one merchant: starts, attempts, successes (≈ 92 %) and failures.</summary>
    public static CheckoutEvent[] MerchantStream(int count, int seed = 7)
    {
        var random = new Random(seed);
        var events = new CheckoutEvent[count];
        for (var i = 0; i < count; i++)
        {
            var type = (i % 4) switch
            {
                0 => CheckoutEventType.CheckoutStarted,
                1 => CheckoutEventType.PaymentSubmitted,
                2 => random.NextDouble() < 0.92 ? CheckoutEventType.PaymentSucceeded : CheckoutEventType.PaymentFailed,
                _ => CheckoutEventType.CheckoutCompleted,
            };
            events[i] = Event($"e{i}", $"s{i / 4}", type, Start.AddMilliseconds(i), random);
        }

        return events;
    }

    /// <summary>One happy session: started, submitted, 3-D Secure, succeeded, completed.</summary>
    public static CheckoutEvent[] HappySession(string sessionId)
    {
        var random = new Random(1);
        CheckoutEventType[] types =
        [
            CheckoutEventType.CheckoutStarted, CheckoutEventType.PaymentSubmitted, CheckoutEventType.PaymentActionRequired,
            CheckoutEventType.PaymentSucceeded, CheckoutEventType.CheckoutCompleted,
        ];
        return [.. types.Select((t, i) => Event($"{sessionId}-{i}", sessionId, t, Start.AddSeconds(i), random))];
    }

    /// <summary>Started, then three submitted/failed pairs: ends in a repeated-failures finding.</summary>
    public static CheckoutEvent[] FailingSession(string sessionId)
    {
        var random = new Random(2);
        var events = new List<CheckoutEvent> { Event($"{sessionId}-0", sessionId, CheckoutEventType.CheckoutStarted, Start, random) };
        for (var attempt = 0; attempt < 3; attempt++)
        {
            events.Add(Event($"{sessionId}-s{attempt}", sessionId, CheckoutEventType.PaymentSubmitted, Start.AddSeconds((2 * attempt) + 1), random));
            events.Add(Event($"{sessionId}-f{attempt}", sessionId, CheckoutEventType.PaymentFailed, Start.AddSeconds((2 * attempt) + 2), random));
        }

        return [.. events];
    }

    private static CheckoutEvent Event(string eventId, string sessionId, CheckoutEventType type, DateTimeOffset at, Random random)
    {
        var evt = new CheckoutEvent(eventId, "merchant-0001", sessionId, type, at) { AmountMinor = 4_999, Currency = "EUR", Country = "DE" };
        if (type is CheckoutEventType.CheckoutStarted or CheckoutEventType.CheckoutCompleted or CheckoutEventType.CheckoutAbandoned)
        {
            return evt;
        }

        var method = _methods[random.Next(_methods.Length)];
        evt = evt with
        {
            Psp = _psps[random.Next(_psps.Length)],
            PaymentMethod = method,
            CardNetwork = method is "card" or "apple_pay" ? _networks[random.Next(_networks.Length)] : null,
        };
        return type == CheckoutEventType.PaymentFailed
            ? evt with { DeclineCode = _declines[random.Next(_declines.Length)], FailureKind = FailureKind.Declined }
            : evt;
    }
}
