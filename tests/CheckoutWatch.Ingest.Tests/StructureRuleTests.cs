using System.Text.Json.Nodes;
using static CheckoutWatch.Ingest.Tests.TestEvents;

namespace CheckoutWatch.Ingest.Tests;

public sealed class StructureRuleTests
{
    private static string StartedWith(string extraProperties) => Started().ToJsonString().TrimEnd('}') + "," + extraProperties + "}";

    [Fact]
    public void Unknown_properties_of_any_json_type_are_ignored()
    {
        var item = Failed();
        item["schemaVersion"] = 3;
        item["note"] = "hello";
        item["flags"] = new JsonArray(1, "two", true, null);
        item["metadata"] = new JsonObject { ["orderId"] = "o-1", ["attempt"] = 2 };
        item["EventId"] = 12;

        AssertValid(ParseOne(item));
    }

    [Fact]
    public void Null_optional_properties_are_the_same_as_absent_ones()
    {
        var item = Failed();
        item["cardNetwork"] = null;
        item["declineCode"] = null;
        item["country"] = null;
        item["customer"] = null;

        var parsed = ParseOne(item);

        AssertValid(parsed);
        Assert.Null(parsed.Event!.CardNetwork);
        Assert.Null(parsed.Event!.Customer);
    }

    [Fact]
    public void Duplicate_known_property_is_rejected() =>
        AssertRejected(ParseOne(StartedWith("\"sessionId\":\"sess-2\"")), "sessionId", ValidationCodes.DuplicateProperty);

    [Fact]
    public void Duplicate_property_is_rejected_even_when_the_first_value_is_null() =>
        AssertRejected(ParseOne("{\"country\":null," + Started().ToJsonString()[1..].TrimEnd('}') + ",\"country\":\"DE\"}"), "country", ValidationCodes.DuplicateProperty);

    [Fact]
    public void Duplicate_property_hidden_behind_an_escape_is_rejected() =>
        AssertRejected(ParseOne(StartedWith("\"event\\u0049d\":\"evt-2\"")), "eventId", ValidationCodes.DuplicateProperty);

    [Fact]
    public void Duplicate_unknown_property_is_rejected() =>
        AssertRejected(ParseOne(StartedWith("\"extra\":1,\"extra\":2")), "extra", ValidationCodes.DuplicateProperty);

    [Fact]
    public void Object_nested_inside_an_unknown_property_object_is_too_deep() =>
        AssertRejected(ParseOne(StartedWith("\"meta\":{\"a\":{\"b\":1}}")), "meta", ValidationCodes.TooDeep);

    [Fact]
    public void Array_nested_inside_an_unknown_array_is_too_deep() =>
        AssertRejected(ParseOne(StartedWith("\"meta\":[[1]]")), "meta", ValidationCodes.TooDeep);

    [Fact]
    public void Nesting_beyond_the_json_reader_limit_fails_a_json_batch()
    {
        var deep = new string('[', 100) + new string(']', 100);

        Assert.Equal(BatchFailureKind.Malformed, Parse("[" + StartedWith("\"meta\":" + deep) + "]").Failure?.Kind);
    }

    [Fact]
    public void Nesting_beyond_the_json_reader_limit_rejects_one_ndjson_line()
    {
        var deep = new string('[', 100) + new string(']', 100);
        var body = Started("a").ToJsonString() + "\n" + StartedWith("\"meta\":" + deep);

        var result = Parse(body, IngestFormat.Ndjson);

        Assert.Single(result.Events);
        Assert.Equal(ValidationCodes.InvalidJson, Assert.Single(result.Rejected).Errors[0].Code);
    }

    [Fact]
    public void Every_error_of_an_item_is_reported_not_just_the_first()
    {
        var item = Failed();
        item["merchantId"] = "shop/1";
        item["type"] = "payment_failed";
        item["occurredAt"] = "2025-06-01 11:59";
        item["amountMinor"] = -5;
        item["currency"] = "euro";
        item.Remove("psp");
        item["failureKind"] = "kaboom";
        item["country"] = "de";
        item["customer"] = new JsonObject { ["email"] = "nope", ["phone"] = "x" };

        var parsed = ParseOne(item);

        Assert.Equal(
            [
                ("merchantId", ValidationCodes.InvalidFormat),
                ("occurredAt", ValidationCodes.InvalidFormat),
                ("amountMinor", ValidationCodes.OutOfRange),
                ("currency", ValidationCodes.InvalidFormat),
                ("failureKind", ValidationCodes.UnknownValue),
                ("country", ValidationCodes.InvalidFormat),
                ("customer.email", ValidationCodes.InvalidFormat),
                ("customer.phone", ValidationCodes.InvalidFormat),
                ("psp", ValidationCodes.Required),
            ],
            parsed.Errors.Select(e => (e.Field, e.Code)));
        Assert.Equal("evt-1", parsed.EventId);
    }

    [Fact]
    public void Empty_object_reports_every_required_property()
    {
        var parsed = ParseOne("{}");

        Assert.Equal(["eventId", "merchantId", "sessionId", "type", "occurredAt"], parsed.Errors.Select(e => e.Field));
        Assert.All(parsed.Errors, e => Assert.Equal(ValidationCodes.Required, e.Code));
    }

    [Fact]
    public void Invalid_type_skips_the_type_dependent_rules()
    {
        var item = Started();
        item["type"] = "refund";
        item["failureKind"] = "declined";

        AssertRejected(ParseOne(item), "type", ValidationCodes.UnknownValue);
    }

    [Fact]
    public void Property_names_are_case_sensitive()
    {
        var item = Started();
        item.Remove("eventId");
        item["EventID"] = "evt-1";

        AssertRejected(ParseOne(item), "eventId", ValidationCodes.Required);
    }
}
