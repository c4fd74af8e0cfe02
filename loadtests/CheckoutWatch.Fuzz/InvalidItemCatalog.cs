namespace CheckoutWatch.Fuzz;

/// <summary>
/// Breaks exactly one rule of a valid event (or replaces it by a non-object), so the expected
/// rejection code is known. Every JSON text stays syntactically valid: these items sit in batches
/// whose other events must still be accepted.
/// </summary>
internal static class InvalidItemCatalog
{
    private delegate InvalidItem Breaker(Random random, EventDraft draft, DateTimeOffset now);

    private static readonly Breaker[] _breakers =
    [
        (r, d, _) => Item("missing-event-id", r, d.Remove("eventId"), "required"),
        (r, d, _) => Item("unknown-type", r, d.Set("type", "\"checkout_exploded\""), "unknown_value"),
        (r, d, _) => Item("empty-type", r, d.Set("type", "\"\""), "unknown_value"),
        (r, d, _) => Item("numeric-type", r, d.Set("type", "7"), "wrong_type"),
        (r, d, _) => Item("amount-as-string", r, Payment(d).Set("amountMinor", "\"100\""), "wrong_type"),
        (r, d, _) => Item("negative-amount", r, Payment(d).Set("amountMinor", "-1"), "out_of_range"),
        (r, d, _) => Item("fraction-amount", r, Payment(d).Set("amountMinor", "1.5"), "invalid_format"),
        (r, d, _) => Item("amount-past-long", r, Payment(d).Set("amountMinor", "9223372036854775808"), "out_of_range"),
        (r, d, _) => Item("amount-huge-digits", r, Payment(d).Set("amountMinor", new string('9', 400)), "out_of_range"),
        (r, d, _) => Item("amount-exponent", r, Payment(d).Set("amountMinor", "1e400"), "invalid_format"),
        (r, d, _) => Item("long-event-id", r, d.Set("eventId", JsonText.Quote(new string('e', 129))), "too_long"),
        (r, d, _) => Item("empty-event-id", r, d.Set("eventId", "\"\""), "too_short"),
        (r, d, _) => Item("control-in-id", r, d.Set("eventId", "\"x\\u0001y\""), "control_character"),
        (r, d, _) => Item("c1-control-in-session", r, d.Set("sessionId", "\"s\\u0085\""), "control_character"),
        (r, d, _) => Item("lone-surrogate", r, d.Set("sessionId", "\"\\ud800\""), "invalid_encoding"),
        (r, d, _) => Item("invalid-utf8", r, d.Set("eventId", "\"bad" + EventDraft.InvalidUtf8Marker + "\""), "invalid_encoding"),
        (r, d, n) => Item("too-old", r, d.Set("occurredAt", Time(n - TimeSpan.FromHours(25))), "too_far_in_past"),
        (r, d, _) => Item("year-one", r, d.Set("occurredAt", "\"0001-01-01T00:00:00Z\""), "too_far_in_past"),
        (r, d, n) => Item("too-far-ahead", r, d.Set("occurredAt", Time(n + TimeSpan.FromHours(1))), "too_far_in_future"),
        (r, d, _) => Item("year-9999", r, d.Set("occurredAt", "\"9999-12-31T23:59:59.9999999Z\""), "too_far_in_future"),
        (r, d, _) => Item("no-offset", r, d.Set("occurredAt", "\"2025-01-31T12:00:00\""), "invalid_format"),
        (r, d, _) => Item("offset-past-14h", r, d.Set("occurredAt", "\"2025-01-31T12:00:00+14:30\""), "invalid_format"),
        (r, d, _) => Item("february-30", r, d.Set("occurredAt", "\"2025-02-30T12:00:00Z\""), "invalid_format"),
        (r, d, _) => Item("leap-second", r, d.Set("occurredAt", "\"2016-12-31T23:59:60Z\""), "invalid_format"),
        (r, d, _) => Item("timestamp-number", r, d.Set("occurredAt", "1700000000"), "wrong_type"),
        (r, d, _) => Item("duplicate-key", r, d.Add("eventId", JsonText.Quote(d.EventId + "-again")), "duplicate_property"),
        (r, d, _) => Item("duplicate-escaped-key", r, d.Add("\"merchant\\u0049d\"", JsonText.Quote(d.MerchantId)), "duplicate_property"),
        (r, d, _) => Item("failure-kind-not-allowed", r, Retype(d, "checkout_started").Set("failureKind", "\"declined\""), "not_allowed"),
        (r, d, _) => Item("lower-case-currency", r, Payment(d).Set("currency", "\"eur\""), "invalid_format"),
        (r, d, _) => Item("unknown-currency", r, Payment(d).Set("currency", "\"ABC\""), "unknown_value"),
        (r, d, _) => Item("unknown-country", r, d.Set("country", "\"ZZ\""), "unknown_value"),
        (r, d, _) => Item("too-deep", r, d.Set("meta", "{\"a\":{\"b\":1}}"), "too_deep"),
        (r, d, _) => Item("array-in-array", r, d.Set("tags", "[[1]]"), "too_deep"),
        (r, d, _) => Item("bad-merchant", r, d.Set("merchantId", "\"bad merchant!\""), "invalid_format"),
        (r, d, _) => Item("bad-email", r, d.Set("customer", "{\"email\":\"no-at-sign\"}"), "invalid_format"),
        (r, d, _) => Item("customer-not-object", r, d.Set("customer", "\"Ada\""), "wrong_type"),
        (r, d, _) => Item("payment-without-psp", r, Payment(d).Remove("psp"), "required"),
        (r, d, _) => Item("failed-without-kind", r, Retype(Payment(d), "payment_failed").Remove("failureKind"), "required"),
        (r, d, _) => Item("unknown-failure-kind", r, Retype(Payment(d), "payment_failed").Set("failureKind", "\"meteor\""), "unknown_value"),
        (r, _, _) => new InvalidItem("not-an-object", Pick(r, ["42", "\"event\"", "[1,2]", "true", "null", "[]", "-1e999"]), "wrong_type"),
    ];

    public static int Count => _breakers.Length;

    public static InvalidItem Create(Random random, EventDraft draft, DateTimeOffset now) =>
        _breakers[random.Next(_breakers.Length)](random, draft, now);

    private static InvalidItem Item(string name, Random random, EventDraft draft, string code) => new(name, draft.Render(random), code);

    /// <summary>Makes the draft a complete payment event, so that only the one broken field is wrong.</summary>
    private static EventDraft Payment(EventDraft draft)
    {
        if (!ValidEventFactory.IsPayment(draft.Type))
        {
            Retype(draft, "payment_submitted");
        }

        if (!draft.Has("amountMinor")) draft.Set("amountMinor", "100");
        if (!draft.Has("currency")) draft.Set("currency", "\"EUR\"");
        if (!draft.Has("psp")) draft.Set("psp", "\"adyen\"");
        if (!draft.Has("paymentMethod")) draft.Set("paymentMethod", "\"card\"");
        return draft;
    }

    private static EventDraft Retype(EventDraft draft, string type)
    {
        if (draft.Type == "payment_failed" && type != "payment_failed")
        {
            draft.Remove("failureKind").Remove("declineCode");
        }

        draft.Type = type;
        draft.Set("type", JsonText.Quote(type));
        if (type == "payment_failed" && !draft.Has("failureKind")) draft.Set("failureKind", "\"error\"");
        return draft;
    }

    private static string Time(DateTimeOffset at) => JsonText.Quote(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
