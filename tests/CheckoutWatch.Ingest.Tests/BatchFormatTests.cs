using System.Text.Json.Nodes;
using CheckoutWatch.Detection.Events;
using static CheckoutWatch.Ingest.Tests.TestEvents;

namespace CheckoutWatch.Ingest.Tests;

public sealed class BatchFormatTests
{
    [Fact]
    public void Json_array_of_valid_events_is_read_into_checkout_events()
    {
        var result = Parse(new JsonArray(Failed("a"), Started("b")).ToJsonString());

        Assert.False(result.IsBatchFailure);
        Assert.Equal(["a", "b"], result.Events.Select(e => e.EventId));
        Assert.Empty(result.Rejected);
        var failed = result.Events[0];
        Assert.Equal(
            new CheckoutEvent("a", "shop-1", "sess-1", CheckoutEventType.PaymentFailed, new DateTimeOffset(2025, 6, 1, 11, 59, 0, TimeSpan.Zero))
            {
                AmountMinor = 4999,
                Currency = "EUR",
                Psp = "adyen",
                PaymentMethod = "card",
                CardNetwork = "visa",
                DeclineCode = "51",
                FailureKind = FailureKind.Declined,
                Country = "DE",
                Customer = new CustomerInfo("c-1", "Ada Lovelace", "ada@example.com", "+44 (20) 7946-0000"),
            },
            failed);
        Assert.Equal(FailureKind.None, result.Events[1].FailureKind);
        Assert.Null(result.Events[1].AmountMinor);
    }

    [Fact]
    public void Empty_json_array_is_an_empty_batch()
    {
        var result = Parse(" [ ] ");

        Assert.False(result.IsBatchFailure);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Valid_events_in_a_batch_with_invalid_ones_are_accepted_with_their_indexes()
    {
        var bad = Failed("bad-1");
        bad["currency"] = "eur";
        var body = new JsonArray(Started("ok-0"), bad, 42, Started("ok-3"), Started(new string('x', 129))).ToJsonString();

        var result = Parse(body);

        Assert.Equal([0, 1, 2, 3, 4], result.Items.Select(i => i.Index));
        Assert.Equal(["ok-0", "ok-3"], result.Events.Select(e => e.EventId));
        Assert.Equal([1, 2, 4], result.Rejected.Select(r => r.Index));
        Assert.Equal("bad-1", result.Rejected[0].EventId);
        Assert.Null(result.Rejected[1].EventId);
        Assert.Null(result.Rejected[2].EventId);
        Assert.Equal(ValidationCodes.TooLong, Assert.Single(result.Rejected[2].Errors).Code);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"event\"")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("[{\"eventId\":\"a\"}]")]
    public void Item_that_is_not_an_object_is_rejected(string item)
    {
        var result = Parse($"[{Started("a").ToJsonString()},{item},{Started("b").ToJsonString()}]");

        Assert.Equal(["a", "b"], result.Events.Select(e => e.EventId));
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(1, rejected.Index);
        Assert.Equal(("$", ValidationCodes.WrongType), (rejected.Errors[0].Field, rejected.Errors[0].Code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("\uFEFF")]
    public void Empty_body_is_a_whole_batch_failure(string body)
    {
        Assert.Equal(BatchFailureKind.Malformed, Parse(body).Failure?.Kind);
        Assert.Equal(BatchFailureKind.Malformed, Parse(body, IngestFormat.Ndjson).Failure?.Kind);
    }

    [Theory]
    [InlineData("{\"eventId\":\"a\"}", "not a single object")]
    [InlineData("hello", "must start with '['")]
    [InlineData("<html></html>", "must start with '['")]
    [InlineData("\"[]\"", "must start with '['")]
    public void Json_body_that_is_not_an_array_is_a_whole_batch_failure(string body, string expected)
    {
        var result = Parse(body);

        Assert.True(result.IsBatchFailure);
        Assert.Equal(BatchFailureKind.Malformed, result.Failure.Kind);
        Assert.Contains(expected, result.Failure.Message, StringComparison.Ordinal);
        Assert.Empty(result.Items);
        Assert.Empty(result.Events);
    }

    [Theory]
    [InlineData(", {\"eventId\": ")]
    [InlineData(", {\"eventId\": \"x\"")]
    [InlineData(", {\"eventId\" \"x\"}]")]
    [InlineData(", }]")]
    [InlineData("] trailing")]
    [InlineData("] []")]
    [InlineData(", {\"a\": 'single'}]")]
    [InlineData(", /* comment */ {}]")]
    public void Json_array_whose_syntax_breaks_midway_is_a_whole_batch_failure(string tail)
    {
        var body = "[" + Started("a").ToJsonString() + tail;

        var result = Parse(body);

        Assert.True(result.IsBatchFailure);
        Assert.Equal(BatchFailureKind.Malformed, result.Failure.Kind);
        Assert.StartsWith("The body is not valid JSON", result.Failure.Message, StringComparison.Ordinal);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Utf8_byte_order_mark_is_tolerated()
    {
        var result = Parse("\uFEFF[" + Started().ToJsonString() + "]");

        Assert.Single(result.Events);
    }

    [Fact]
    public void Ndjson_lines_are_read_with_blank_lines_ignored_and_crlf_tolerated()
    {
        var body = "\r\n" + Started("a").ToJsonString() + "\r\n\r\n   \n" + Failed("b").ToJsonString() + "\n\t\n" + Started("c").ToJsonString();

        var result = Parse(body, IngestFormat.Ndjson);

        Assert.False(result.IsBatchFailure);
        Assert.Equal(["a", "b", "c"], result.Events.Select(e => e.EventId));
        Assert.Equal([0, 1, 2], result.Items.Select(i => i.Index));
    }

    [Fact]
    public void Ndjson_with_a_broken_line_rejects_only_that_line()
    {
        var body = string.Join('\n', Started("a").ToJsonString(), "{\"eventId\": \"b\", ", Started("c").ToJsonString(), "not json", "");

        var result = Parse(body, IngestFormat.Ndjson);

        Assert.False(result.IsBatchFailure);
        Assert.Equal(["a", "c"], result.Events.Select(e => e.EventId));
        Assert.Equal([1, 3], result.Rejected.Select(r => r.Index));
        var error = Assert.Single(result.Rejected[0].Errors);
        Assert.Equal(("$", ValidationCodes.InvalidJson), (error.Field, error.Code));
        Assert.StartsWith("line 2 ", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("line 4 ", result.Rejected[1].Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{} {}")]
    [InlineData("{\"eventId\":\"a\"},")]
    [InlineData("[{}]x")]
    public void Ndjson_line_with_more_than_one_value_is_rejected(string line)
    {
        var result = Parse(Started("a").ToJsonString() + "\n" + line, IngestFormat.Ndjson);

        Assert.Equal(["a"], result.Events.Select(e => e.EventId));
        Assert.Equal(ValidationCodes.InvalidJson, Assert.Single(Assert.Single(result.Rejected).Errors).Code);
    }

    [Fact]
    public void Ndjson_line_that_is_not_an_object_is_rejected()
    {
        var result = Parse(Started("a").ToJsonString() + "\n[1,2]\n\"x\"", IngestFormat.Ndjson);

        Assert.Equal([1, 2], result.Rejected.Select(r => r.Index));
        Assert.All(result.Rejected, r => Assert.Equal(ValidationCodes.WrongType, r.Errors[0].Code));
    }

    [Fact]
    public void Ndjson_body_in_which_no_line_is_json_is_a_whole_batch_failure()
    {
        var result = Parse("<html>\n<body>oops</body>\n</html>\n", IngestFormat.Ndjson);

        Assert.True(result.IsBatchFailure);
        Assert.Equal(BatchFailureKind.Malformed, result.Failure.Kind);
        Assert.Contains("not NDJSON", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_array_sent_as_ndjson_is_read_as_one_rejected_line_per_line()
    {
        // A one-line array is a JSON value, just not an event object.
        var result = Parse("[" + Started().ToJsonString() + "]", IngestFormat.Ndjson);

        Assert.False(result.IsBatchFailure);
        Assert.Equal(ValidationCodes.WrongType, Assert.Single(result.Rejected).Errors[0].Code);
    }

    [Theory]
    [InlineData(IngestFormat.Json)]
    [InlineData(IngestFormat.Ndjson)]
    public void Batch_with_exactly_the_maximum_number_of_items_is_read(IngestFormat format)
    {
        var limits = new IngestLimits { MaxBatchEvents = 3 };

        var result = Parse(Body(format, 3), format, limits);

        Assert.False(result.IsBatchFailure);
        Assert.Equal(3, result.Events.Count);
    }

    [Theory]
    [InlineData(IngestFormat.Json)]
    [InlineData(IngestFormat.Ndjson)]
    public void Batch_with_more_items_than_the_maximum_is_a_whole_batch_failure(IngestFormat format)
    {
        var limits = new IngestLimits { MaxBatchEvents = 3 };

        var result = Parse(Body(format, 4), format, limits);

        Assert.True(result.IsBatchFailure);
        Assert.Equal(BatchFailureKind.TooManyEvents, result.Failure.Kind);
        Assert.Contains("more than 3 events", result.Failure.Message, StringComparison.Ordinal);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Default_limit_of_5000_items_fails_a_batch_of_5001()
    {
        Assert.Equal(BatchFailureKind.TooManyEvents, Parse(Body(IngestFormat.Json, 5_001)).Failure?.Kind);
        Assert.Equal(5_000, Parse(Body(IngestFormat.Ndjson, 5_000), IngestFormat.Ndjson).Events.Count);
    }

    [Fact]
    public void Empty_lines_do_not_count_towards_the_maximum()
    {
        var limits = new IngestLimits { MaxBatchEvents = 2 };
        var body = Started("a").ToJsonString() + "\n\n\n\r\n" + Started("b").ToJsonString() + "\n\n";

        Assert.Equal(2, Parse(body, IngestFormat.Ndjson, limits).Events.Count);
    }

    [Fact]
    public void Events_of_one_merchant_share_one_merchant_id_string()
    {
        var result = Parse(Body(IngestFormat.Json, 3));

        Assert.Same(result.Events[0].MerchantId, result.Events[2].MerchantId);
        Assert.Same(result.Events[0].Currency, result.Events[1].Currency);
    }

    private static string Body(IngestFormat format, int count)
    {
        var template = Failed("evt-#").ToJsonString();
        var items = Enumerable.Range(0, count).Select(i => template.Replace("evt-#", $"evt-{i}", StringComparison.Ordinal));
        return format == IngestFormat.Json ? "[" + string.Join(',', items) + "]" : string.Join('\n', items);
    }
}
