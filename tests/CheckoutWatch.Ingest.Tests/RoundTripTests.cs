using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CheckoutWatch.Detection.Events;
using static CheckoutWatch.Ingest.Tests.TestEvents;

namespace CheckoutWatch.Ingest.Tests;

public sealed class RoundTripTests
{
    private static readonly CheckoutEvent[] _events =
    [
        new("evt-1", "shop-1", "sess-1", CheckoutEventType.CheckoutStarted, Now.AddMinutes(-10)),
        new("evt-2", "shop-1", "sess-1", CheckoutEventType.PaymentFailed, Now.AddMinutes(-9).AddTicks(1_234_567))
        {
            AmountMinor = long.MaxValue,
            Currency = "EUR",
            Psp = "adyen",
            PaymentMethod = "card",
            CardNetwork = "visa",
            DeclineCode = "05",
            FailureKind = FailureKind.Timeout,
            Country = "FR",
            Customer = new CustomerInfo("c-1", "Zoë \"Zed\" O'Brien <b>&</b> 東京 🙂", "zoe+tag@example.com", "+33 (1) 23-45"),
        },
        new("evt/3 é\\\"", "Shop_2.x-y", "sess 2 🙂", CheckoutEventType.PaymentActionRequired, new DateTimeOffset(2025, 6, 1, 13, 30, 0, TimeSpan.FromHours(2)))
        {
            AmountMinor = 0,
            Currency = "JPY",
            Psp = "stripe",
            PaymentMethod = "apple_pay",
        },
        new("evt-4", "shop-1", "sess-3", CheckoutEventType.CheckoutAbandoned, new DateTimeOffset(2025, 6, 1, 7, 0, 0, TimeSpan.FromHours(-5)))
        {
            Customer = new CustomerInfo(null, null, "a@b", null),
        },
    ];

    [Fact]
    public void Json_array_written_by_the_writer_parses_back_to_equal_events()
    {
        var result = new EventBatchParser().Parse(CheckoutEventJson.ToJsonArray(_events), IngestFormat.Json, Now);

        Assert.Empty(result.Rejected);
        Assert.Equal(_events, result.Events);
        Assert.Equal(_events.Select(e => e.OccurredAt.Offset), result.Events.Select(e => e.OccurredAt.Offset));
    }

    [Fact]
    public void Ndjson_written_by_the_writer_parses_back_to_equal_events()
    {
        var result = new EventBatchParser().Parse(CheckoutEventJson.ToNdjson(_events), IngestFormat.Ndjson, Now);

        Assert.Empty(result.Rejected);
        Assert.Equal(_events, result.Events);
    }

    [Fact]
    public void Writer_output_read_back_with_a_relaxed_encoder_is_still_equal()
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            CheckoutEventJson.WriteArray(writer, _events);
        }

        var result = new EventBatchParser().Parse(buffer.ToArray(), IngestFormat.Json, Now);

        Assert.Equal(_events, result.Events);
    }

    [Fact]
    public void Writer_produces_the_exact_wire_format()
    {
        var json = Encoding.UTF8.GetString(CheckoutEventJson.ToNdjson([_events[1], _events[3]]));

        Assert.Equal(
            "{\"eventId\":\"evt-2\",\"merchantId\":\"shop-1\",\"sessionId\":\"sess-1\",\"type\":\"payment_failed\","
            + "\"occurredAt\":\"2025-06-01T11:51:00.1234567Z\",\"amountMinor\":9223372036854775807,\"currency\":\"EUR\","
            + "\"psp\":\"adyen\",\"paymentMethod\":\"card\",\"cardNetwork\":\"visa\",\"declineCode\":\"05\","
            + "\"failureKind\":\"timeout\",\"country\":\"FR\",\"customer\":{\"id\":\"c-1\","
            + "\"name\":\"Zo\\u00EB \\u0022Zed\\u0022 O\\u0027Brien \\u003Cb\\u003E\\u0026\\u003C/b\\u003E \\u6771\\u4EAC \\uD83D\\uDE42\","
            + "\"email\":\"zoe\\u002Btag@example.com\",\"phone\":\"\\u002B33 (1) 23-45\"}}\n"
            + "{\"eventId\":\"evt-4\",\"merchantId\":\"shop-1\",\"sessionId\":\"sess-3\",\"type\":\"checkout_abandoned\","
            + "\"occurredAt\":\"2025-06-01T07:00:00-05:00\",\"customer\":{\"email\":\"a@b\"}}\n",
            json);
    }

    [Fact]
    public void Utc_timestamp_without_fraction_is_written_with_z()
    {
        var json = Encoding.UTF8.GetString(CheckoutEventJson.ToJsonArray([_events[0]]));

        Assert.Contains("\"occurredAt\":\"2025-06-01T11:50:00Z\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Customer_with_no_field_is_left_out()
    {
        var checkoutEvent = _events[0] with { Customer = new CustomerInfo(null, null, null, null) };

        var json = Encoding.UTF8.GetString(CheckoutEventJson.ToJsonArray([checkoutEvent]));

        Assert.DoesNotContain("customer", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Five_thousand_generated_events_round_trip()
    {
        var random = new Random(42);
        var types = Enum.GetValues<CheckoutEventType>();
        var events = Enumerable.Range(0, 5_000).Select(i =>
        {
            var type = types[random.Next(types.Length)];
            var payment = type is CheckoutEventType.PaymentSubmitted or CheckoutEventType.PaymentActionRequired
                or CheckoutEventType.PaymentSucceeded or CheckoutEventType.PaymentFailed;
            return new CheckoutEvent($"e-{i}", $"m-{i % 20}", $"s-{i / 4}", type, Now.AddTicks(-random.NextInt64(TimeSpan.TicksPerDay)))
            {
                AmountMinor = payment ? random.NextInt64(0, 1_000_000) : null,
                Currency = payment ? "USD" : null,
                Psp = payment ? "psp-" + (i % 3) : null,
                PaymentMethod = payment ? "card" : null,
                FailureKind = type == CheckoutEventType.PaymentFailed ? FailureKind.Declined : FailureKind.None,
            };
        }).ToArray();

        var result = new EventBatchParser().Parse(CheckoutEventJson.ToNdjson(events), IngestFormat.Ndjson, Now);

        Assert.Empty(result.Rejected);
        Assert.Equal(events, result.Events);
    }
}
