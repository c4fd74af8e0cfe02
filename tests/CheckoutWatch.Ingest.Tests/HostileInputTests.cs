using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using static CheckoutWatch.Ingest.Tests.TestEvents;

namespace CheckoutWatch.Ingest.Tests;

public sealed class HostileInputTests
{
    [Fact]
    public void Megabyte_event_id_is_too_long_and_not_echoed()
    {
        var parsed = With("eventId", new string('x', 1_000_000));

        var error = AssertRejected(parsed, "eventId", ValidationCodes.TooLong);
        Assert.Null(parsed.EventId);
        Assert.True(error.Message.Length < 100);
    }

    [Fact]
    public void Escaped_characters_count_once_toward_the_length()
    {
        var escaped = string.Concat(Enumerable.Repeat("\\u0041", 128));

        var parsed = ParseOne(Started().ToJsonString().Replace("\"evt-1\"", "\"" + escaped + "\"", StringComparison.Ordinal));

        AssertValid(parsed);
        Assert.Equal(new string('A', 128), parsed.Event!.EventId);
    }

    [Fact]
    public void Length_is_counted_in_utf16_code_units()
    {
        // 64 emoji are 128 UTF-16 code units: at the limit. One more is past it.
        AssertValid(With("sessionId", string.Concat(Enumerable.Repeat("🙂", 64))));
        AssertRejected(With("sessionId", string.Concat(Enumerable.Repeat("🙂", 65))), "sessionId", ValidationCodes.TooLong);
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\u001f")]
    [InlineData("\\u007f")]
    [InlineData("\\u009b")]
    [InlineData("\\r")]
    [InlineData("\\t")]
    public void Escaped_control_characters_are_rejected(string escape) =>
        AssertRejected(
            ParseOne(Started().ToJsonString().Replace("\"sess-1\"", "\"sess" + escape + "1\"", StringComparison.Ordinal)),
            "sessionId",
            ValidationCodes.ControlCharacter);

    [Fact]
    public void Raw_control_character_inside_a_json_string_breaks_the_json()
    {
        var body = "[" + Started().ToJsonString().Replace("sess-1", "sess\u0001", StringComparison.Ordinal) + "]";

        Assert.Equal(BatchFailureKind.Malformed, Parse(body).Failure?.Kind);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udc00x")]
    [InlineData("\\ud800\\u0041")]
    public void Lone_surrogate_escape_is_an_encoding_error(string escape) =>
        AssertRejected(
            ParseOne(Started().ToJsonString().Replace("\"sess-1\"", "\"s" + escape + "\"", StringComparison.Ordinal)),
            "sessionId",
            ValidationCodes.InvalidEncoding);

    [Fact]
    public void Invalid_utf8_inside_a_string_is_an_encoding_error()
    {
        var json = Encoding.UTF8.GetBytes("[" + Started().ToJsonString().Replace("sess-1", "sess-#", StringComparison.Ordinal) + "]");
        json[Array.IndexOf(json, (byte)'#')] = 0xFF;

        var result = new EventBatchParser().Parse(json, IngestFormat.Json, Now);

        Assert.False(result.IsBatchFailure);
        AssertRejected(Assert.Single(result.Items), "sessionId", ValidationCodes.InvalidEncoding);
    }

    [Fact]
    public void Invalid_utf8_in_an_ignored_property_name_is_reported()
    {
        var json = Encoding.UTF8.GetBytes("[" + Started().ToJsonString().TrimEnd('}') + ",\"x#\":1}]");
        json[Array.IndexOf(json, (byte)'#')] = 0xC3;

        var result = new EventBatchParser().Parse(json, IngestFormat.Json, Now);

        AssertRejected(Assert.Single(result.Items), "$", ValidationCodes.InvalidEncoding);
    }

    [Fact]
    public void Right_to_left_and_combining_characters_in_a_name_are_kept_as_sent()
    {
        const string name = "\u202EecilA\u202C Zoë Ω\u0301 مرحبا 👩‍👩‍👧";

        var parsed = WithCustomer("name", name);

        AssertValid(parsed);
        Assert.Equal(name, parsed.Event!.Customer?.Name);
    }

    [Fact]
    public void Many_unknown_properties_are_read_in_linear_time_and_reject_the_event_once()
    {
        var body = "[" + WithUnknownProperties(Started().ToJsonString(), 50_000) + "," + Started("next").ToJsonString() + "]";
        var stopwatch = Stopwatch.StartNew();

        var result = Parse(body);

        Assert.InRange(stopwatch.ElapsedMilliseconds, 0, 5_000);
        var rejected = Assert.Single(result.Rejected);
        var error = Assert.Single(rejected.Errors);
        Assert.Equal(("$", ValidationCodes.TooManyProperties), (error.Field, error.Code));
        Assert.Equal("next", Assert.Single(result.Events).EventId);
    }

    [Fact]
    public void Event_with_exactly_the_maximum_number_of_properties_is_accepted()
    {
        // Started() has 5 properties.
        var atLimit = WithUnknownProperties(Started().ToJsonString(), IngestLimits.Default.MaxPropertiesPerEvent - 5);

        AssertValid(ParseOne(atLimit));
        Assert.Equal(256, IngestLimits.Default.MaxPropertiesPerEvent);
    }

    [Fact]
    public void Properties_of_the_customer_and_inside_ignored_objects_count_toward_the_maximum()
    {
        var limits = IngestLimits.Default with { MaxPropertiesPerEvent = 20 };
        // Failed() has 14 properties and a customer with 4: 18. Four more inside an ignored object make 23.
        var item = Failed();
        AssertValid(ParseOne(item, limits));
        item["extension"] = new JsonObject { ["a"] = 1, ["b"] = 2, ["c"] = 3, ["d"] = 4 };

        var parsed = ParseOne(item, limits);

        AssertRejected(parsed, "$", ValidationCodes.TooManyProperties);
        Assert.Contains("20", parsed.Errors[0].Message, StringComparison.Ordinal);
    }

    private static string WithUnknownProperties(string objectJson, int count)
    {
        var properties = new StringBuilder(objectJson.TrimEnd('}'));
        for (var i = 0; i < count; i++)
        {
            properties.Append(CultureInfo.InvariantCulture, $",\"p{i}\":{i}");
        }

        return properties.Append('}').ToString();
    }

    [Fact]
    public void Huge_unknown_property_name_is_echoed_truncated_when_duplicated()
    {
        var name = new string('n', 10_000);

        var parsed = ParseOne(Started().ToJsonString().TrimEnd('}') + $",\"{name}\":1,\"{name}\":2}}");

        var error = AssertRejected(parsed, new string('n', 64) + "…", ValidationCodes.DuplicateProperty);
        Assert.NotNull(error);
    }

    [Fact]
    public void Thousands_of_duplicate_properties_give_a_bounded_error_list()
    {
        var duplicates = string.Concat(Enumerable.Repeat(",\"a\":1,\"psp\":\"x\"", 5_000));

        var parsed = ParseOne("{\"eventId\":\"e\"" + duplicates + "}");

        Assert.False(parsed.IsValid);
        Assert.InRange(parsed.Errors.Count, 32, 40);
        Assert.Equal("e", parsed.EventId);
    }

    [Theory]
    [InlineData("[" + "\"x\"," + "1]")]
    [InlineData("[1e999999]")]
    [InlineData("[-]")]
    [InlineData("[\"\\uZZZZ\"]")]
    [InlineData("[{\"a\":1,}]")]
    [InlineData("[{\"a\" : tru}]")]
    [InlineData("[NaN]")]
    [InlineData("[{\"a\":\"unterminated}]")]
    public void Garbage_never_throws(string body)
    {
        var json = Parse(body);
        var ndjson = Parse(body, IngestFormat.Ndjson);

        Assert.True(json.IsBatchFailure || json.Items.Count > 0);
        Assert.True(ndjson.IsBatchFailure || ndjson.Items.Count > 0);
    }

    [Fact]
    public void Random_mutations_of_a_valid_batch_never_throw()
    {
        var random = new Random(1234);
        var seed = Encoding.UTF8.GetBytes(new JsonArray(Failed("a"), Started("b"), Failed("c")).ToJsonString());
        var parser = new EventBatchParser();
        byte[] interesting = "{}[]\":,\\0-.eE \n\r\u00ff"u8.ToArray();
        for (var i = 0; i < 2_000; i++)
        {
            var body = (byte[])seed.Clone();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                body[random.Next(body.Length)] = random.Next(3) == 0
                    ? (byte)random.Next(256)
                    : interesting[random.Next(interesting.Length)];
            }

            var length = random.Next(4) == 0 ? random.Next(body.Length) : body.Length;
            var format = (IngestFormat)(i % 2);

            var result = parser.Parse(body.AsSpan(0, length), format, Now);

            Assert.True(result.IsBatchFailure || result.Items.Count == result.Events.Count + result.Rejected.Count);
        }
    }
}
