using System.Globalization;

namespace CheckoutWatch.Fuzz;

/// <summary>
/// Events that the contract accepts, drawn to reach its corners: every type, lengths at their
/// limits, non-ASCII and escaped text, amounts from 0 to <see cref="long.MaxValue"/>, timestamps
/// near both edges of the accepted window, offsets, unknown and null properties.
/// </summary>
internal static class ValidEventFactory
{
    public static readonly string[] Types =
    [
        "checkout_started", "payment_submitted", "payment_action_required", "payment_succeeded",
        "payment_failed", "checkout_completed", "checkout_abandoned",
    ];

    private static readonly string[] _currencies = ["EUR", "USD", "GBP", "JPY", "SEK", "CHF", "BRL"];
    private static readonly string[] _countries = ["DE", "US", "GB", "FR", "JP", "SE", "BR"];
    private static readonly string[] _psps = ["adyen", "stripe", "Zahlung GmbH ü", "ペイ", "psp-" + new string('x', 60)];
    private static readonly string[] _methods = ["card", "paypal", "sepa_debit", "klarna", "ideal"];
    private static readonly string[] _failureKinds = ["declined", "error", "timeout"];
    private static readonly long[] _amounts = [0, 1, 999, 4_999, 123_456, long.MaxValue, long.MaxValue - 1, 1L << 53, (1L << 53) + 1];

    public static bool IsPayment(string type) => type.StartsWith("payment_", StringComparison.Ordinal);

    public static EventDraft Create(Random random, string merchantId, string sessionId, string eventId, DateTimeOffset now, string? type = null)
    {
        type ??= Types[random.Next(Types.Length)];
        var relaxed = random.Next(2) == 0;
        var draft = new EventDraft(merchantId, sessionId, eventId, type)
            .Add("eventId", JsonText.Quote(eventId, relaxed))
            .Add("merchantId", JsonText.Quote(merchantId))
            .Add("sessionId", JsonText.Quote(sessionId, relaxed))
            .Add("type", JsonText.Quote(type))
            .Add("occurredAt", JsonText.Quote(Timestamp(random, now)));
        if (IsPayment(type) || random.Next(4) == 0)
        {
            draft.Add("amountMinor", Amount(random).ToString(CultureInfo.InvariantCulture))
                .Add("currency", JsonText.Quote(Pick(random, _currencies)));
        }

        if (IsPayment(type))
        {
            draft.Add("psp", JsonText.Quote(Pick(random, _psps), relaxed))
                .Add("paymentMethod", JsonText.Quote(Pick(random, _methods)));
            if (random.Next(2) == 0) draft.Add("cardNetwork", JsonText.Quote(Pick(random, ["visa", "mastercard", "amex"])));
        }

        if (type == "payment_failed")
        {
            draft.Add("failureKind", JsonText.Quote(Pick(random, _failureKinds)));
            if (random.Next(2) == 0) draft.Add("declineCode", JsonText.Quote(Pick(random, ["05", "51", "insufficient_funds", new string('d', 32)])));
        }

        AddOptional(random, draft, relaxed);
        return draft;
    }

    /// <summary>A fresh event id of the run, sometimes padded to the 128-character limit or with non-ASCII text.</summary>
    public static string EventId(Random random, string prefix) => random.Next(10) switch
    {
        0 => (prefix + "-" + new string('p', 128))[..128],
        1 => prefix + "-é€😀",
        2 => prefix + "-\"quoted\"/\\slash",
        _ => prefix,
    };

    public static string Timestamp(Random random, DateTimeOffset now)
    {
        var at = random.Next(20) switch
        {
            // Near the edges of the window (24 h back, 5 min ahead), with room for clock drift.
            0 => now - TimeSpan.FromHours(24) + TimeSpan.FromMinutes(2),
            1 => now + TimeSpan.FromMinutes(3),
            2 => now - TimeSpan.FromHours(random.Next(1, 23)),
            _ => now - TimeSpan.FromMilliseconds(random.Next(0, 60_000)),
        };
        var offset = random.Next(6) switch
        {
            0 => TimeSpan.FromHours(14),
            1 => TimeSpan.FromHours(-12),
            2 => new TimeSpan(5, 30, 0),
            _ => TimeSpan.Zero,
        };
        var local = at.ToOffset(offset);
        var text = local.ToString(random.Next(3) == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        var zone = offset == TimeSpan.Zero && random.Next(2) == 0 ? "Z" : local.ToString("zzz", CultureInfo.InvariantCulture);
        return random.Next(10) == 0 ? text.Replace('T', 't') + zone.Replace('Z', 'z') : text + zone;
    }

    private static long Amount(Random random) =>
        random.Next(3) == 0 ? _amounts[random.Next(_amounts.Length)] : random.NextInt64(0, 10_000_000);

    private static void AddOptional(Random random, EventDraft draft, bool relaxed)
    {
        if (random.Next(3) == 0) draft.Add("country", JsonText.Quote(Pick(random, _countries)));
        if (random.Next(4) == 0)
        {
            draft.Add("customer", "{\"id\":" + JsonText.Quote("c-" + random.Next(1000), relaxed)
                + ",\"name\":" + JsonText.Quote(Pick(random, ["Ada Lovelace", "Zoë Ölçer", "李小龙", new string('n', 200)]), relaxed)
                + ",\"email\":\"a" + random.Next(100) + "@example.com\",\"phone\":\"+49 (30) 123-456\"}");
        }

        switch (random.Next(8))
        {
            case 0:
                draft.Add("extra", Pick(random, ["1", "true", "\"x\"", "[1,2,3]", "{\"k\":1}", "-0", "1e308", "12345678901234567890123"]));
                break;
            case 1 when !draft.Has("declineCode"):
                draft.Add("declineCode", "null");
                break;
            case 2 when !draft.Has("country"):
                draft.Add("country", "null");
                break;
        }
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
