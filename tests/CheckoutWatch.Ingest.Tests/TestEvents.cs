using System.Text;
using System.Text.Json.Nodes;

namespace CheckoutWatch.Ingest.Tests;

/// <summary>Valid events to start from, a fixed clock, and shortcuts to parse and inspect.</summary>
internal static class TestEvents
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static JsonObject Failed(string eventId = "evt-1") => new()
    {
        ["eventId"] = eventId,
        ["merchantId"] = "shop-1",
        ["sessionId"] = "sess-1",
        ["type"] = "payment_failed",
        ["occurredAt"] = "2025-06-01T11:59:00Z",
        ["amountMinor"] = 4999,
        ["currency"] = "EUR",
        ["psp"] = "adyen",
        ["paymentMethod"] = "card",
        ["cardNetwork"] = "visa",
        ["declineCode"] = "51",
        ["failureKind"] = "declined",
        ["country"] = "DE",
        ["customer"] = new JsonObject
        {
            ["id"] = "c-1",
            ["name"] = "Ada Lovelace",
            ["email"] = "ada@example.com",
            ["phone"] = "+44 (20) 7946-0000",
        },
    };

    public static JsonObject Started(string eventId = "evt-1") => new()
    {
        ["eventId"] = eventId,
        ["merchantId"] = "shop-1",
        ["sessionId"] = "sess-1",
        ["type"] = "checkout_started",
        ["occurredAt"] = "2025-06-01T11:59:00Z",
    };

    public static BatchParseResult Parse(string body, IngestFormat format = IngestFormat.Json, IngestLimits? limits = null) =>
        new EventBatchParser(limits ?? IngestLimits.Default).Parse(Encoding.UTF8.GetBytes(body).AsSpan(), format, Now);

    /// <summary>Parses one event object, sent as a one-item JSON array, and returns its item.</summary>
    public static ParsedItem ParseOne(JsonObject item, IngestLimits? limits = null) => ParseOne(item.ToJsonString(), limits);

    public static ParsedItem ParseOne(string itemJson, IngestLimits? limits = null)
    {
        var result = Parse("[" + itemJson + "]", IngestFormat.Json, limits);
        Assert.False(result.IsBatchFailure, result.Failure?.Message);
        return Assert.Single(result.Items);
    }

    public static ParsedItem With(string property, JsonNode? value, JsonObject? item = null)
    {
        item ??= Failed();
        item[property] = value;
        return ParseOne(item);
    }

    public static ParsedItem Without(string property, JsonObject? item = null)
    {
        item ??= Failed();
        Assert.True(item.Remove(property), property);
        return ParseOne(item);
    }

    public static ParsedItem WithCustomer(string property, JsonNode? value)
    {
        var item = Failed();
        item["customer"]![property] = value;
        return ParseOne(item);
    }

    /// <summary>The item was rejected with exactly one error, on this field with this code.</summary>
    public static ValidationError AssertRejected(ParsedItem item, string field, string code)
    {
        Assert.False(item.IsValid, "expected a rejection");
        var error = Assert.Single(item.Errors);
        Assert.Equal((field, code), (error.Field, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    public static void AssertValid(ParsedItem item) =>
        Assert.True(item.IsValid, string.Join("; ", item.Errors.Select(e => $"{e.Field} {e.Code}: {e.Message}")));
}
