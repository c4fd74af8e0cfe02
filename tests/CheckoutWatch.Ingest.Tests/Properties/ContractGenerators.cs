using System.Text;
using System.Text.Json.Nodes;
using CheckoutWatch.Detection.Events;
using FsCheck;
using FsCheck.Fluent;

namespace CheckoutWatch.Ingest.Tests.Properties;

/// <summary>
/// Generators for the ingest contract: events that satisfy every rule (relative to
/// <see cref="TestEvents.Now"/>), and items that break exactly one rule with a known code.
/// </summary>
internal static class ContractGenerators
{
    private const string Alphabet = "abcXYZ019 ._-/\\\"'<>&éü東京";
    private static readonly string[] _emoji = ["🙂", "😀", "𝄞"];
    private static readonly string[] _currencies = ["EUR", "USD", "JPY", "GBP", "SEK", "BRL", "KWD"];
    private static readonly string[] _countries = ["DE", "US", "JP", "FR", "BR", "SE"];

    /// <summary>Text of 1..max UTF-16 units: ASCII, accents, CJK, quotes, backslashes and surrogate pairs, never a control character.</summary>
    public static Gen<string> Text(int max) =>
        from parts in Gen.NonEmptyListOf(Gen.Frequency((6, Gen.Elements(Alphabet.ToCharArray()).Select(c => c.ToString())), (1, Gen.Elements(_emoji))))
        let text = Trim(string.Concat(parts), max)
        select text;

    public static Gen<string> MerchantId =>
        from chars in Gen.NonEmptyListOf(Gen.Elements("ABCxyz0189._-".ToCharArray()))
        select new string([.. chars.Take(64)]);

    public static Gen<CheckoutEvent> ValidEvent =>
        from id in Text(128)
        from merchant in MerchantId
        from session in Text(128)
        from type in Gen.Elements(Enum.GetValues<CheckoutEventType>())
        from ageTicks in Gen.Choose(0, (24 * 3600) - 1).Select(s => TimeSpan.FromSeconds(s))
        from fraction in Gen.Choose(0, 9_999_999)
        from offsetMinutes in Gen.Choose(-14 * 60, 14 * 60)
        from amount in Gen.Frequency((3, Gen.Choose(0, int.MaxValue).Select(a => (long)a)), (1, Gen.Elements(0L, long.MaxValue, long.MaxValue - 1, 1L << 53)))
        from currency in Gen.Elements(_currencies)
        from psp in Text(64)
        from method in Text(64)
        from network in Text(64).OrNull()
        from decline in Text(32).OrNull()
        from kind in Gen.Elements(FailureKind.Declined, FailureKind.Error, FailureKind.Timeout)
        from country in Gen.Elements(_countries).OrNull()
        from customer in Customer.OrNull()
        let payment = type is CheckoutEventType.PaymentSubmitted or CheckoutEventType.PaymentActionRequired or CheckoutEventType.PaymentSucceeded or CheckoutEventType.PaymentFailed
        let failed = type == CheckoutEventType.PaymentFailed
        let at = TestEvents.Now - ageTicks - TimeSpan.FromTicks(fraction)
        select new CheckoutEvent(id, merchant, session, type, at.ToOffset(TimeSpan.FromMinutes(offsetMinutes)))
        {
            AmountMinor = payment ? amount : null,
            Currency = payment ? currency : null,
            Psp = payment ? psp : null,
            PaymentMethod = payment ? method : null,
            CardNetwork = payment ? network : null,
            DeclineCode = failed ? decline : null,
            FailureKind = failed ? kind : FailureKind.None,
            Country = country,
            Customer = customer,
        };

    /// <summary>One item of a batch: valid (Code null) or broken with the code its rejection must carry.</summary>
    public static Gen<(string Json, string? Code, CheckoutEvent Source)> Item =>
        from evt in ValidEvent
        from broken in Gen.Frequency((2, Gen.Constant(-1)), (3, Gen.Choose(0, Breakers.Length - 1)))
        select broken < 0 ? (Json(evt), (string?)null, evt) : Break(evt, broken);

    public static string Json(CheckoutEvent evt) => Encoding.UTF8.GetString(CheckoutEventJson.ToJsonArray([evt]))[1..^1];

    private static Gen<CustomerInfo> Customer =>
        from id in Text(128).OrNull()
        from name in Text(200).OrNull()
        from email in Gen.Elements("ada@example.com", "zoë+tag@東京.jp", "a@b")
        from phone in Gen.Elements("+49 30 123", "(555) 010-999", "0").OrNull()
        select new CustomerInfo(id, name, email, phone);

    private static readonly (string Code, Action<JsonObject> Break)[] Breakers =
    [
        ("required", o => o.Remove("eventId")),
        ("required", o => o.Remove("occurredAt")),
        ("too_long", o => o["eventId"] = new string('e', 129)),
        ("too_short", o => o["sessionId"] = ""),
        ("control_character", o => o["eventId"] = "a\u0007b"),
        ("invalid_format", o => o["merchantId"] = "shop one"),
        ("too_long", o => o["merchantId"] = new string('m', 65)),
        ("unknown_value", o => o["type"] = "checkout_teleported"),
        ("wrong_type", o => o["type"] = 3),
        ("too_far_in_past", o => o["occurredAt"] = "2025-05-30T11:59:59Z"),
        ("too_far_in_future", o => o["occurredAt"] = "2025-06-01T12:05:01Z"),
        ("invalid_format", o => o["occurredAt"] = "2025-06-01 11:00:00Z"),
        ("invalid_format", o => o["occurredAt"] = "2025-06-01T11:00:00"),
        ("wrong_type", o => o["amountMinor"] = "100"),
        ("out_of_range", o => o["amountMinor"] = -5),
        ("invalid_format", o => o["amountMinor"] = 2.5),
        ("invalid_format", o => o["currency"] = "eur"),
        ("unknown_value", o => o["currency"] = "ZZZ"),
        ("unknown_value", o => o["country"] = "XX"),
        ("too_deep", o => o["extension"] = new JsonObject { ["a"] = new JsonArray(1) }),
        ("wrong_type", o => o["customer"] = "Ada"),
        ("invalid_format", o => o["customer"] = new JsonObject { ["email"] = "no at sign" }),
        ("not_allowed", o => { o["type"] = "checkout_started"; o["failureKind"] = "error"; }),
        ("required", o => { o["type"] = "payment_failed"; o["amountMinor"] = 1; o["currency"] = "EUR"; o["psp"] = "p"; o["paymentMethod"] = "m"; o.Remove("failureKind"); }),
    ];

    private static (string, string?, CheckoutEvent) Break(CheckoutEvent evt, int breaker)
    {
        var item = JsonNode.Parse(Json(evt))!.AsObject();
        var (code, apply) = Breakers[breaker];
        apply(item);
        return (item.ToJsonString(), code, evt);
    }

    private static string Trim(string text, int max)
    {
        if (text.Length <= max) return text;
        // Never cut a surrogate pair in half.
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut];
    }
}
