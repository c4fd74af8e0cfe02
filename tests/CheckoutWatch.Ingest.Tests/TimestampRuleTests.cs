using static CheckoutWatch.Ingest.Tests.TestEvents;

namespace CheckoutWatch.Ingest.Tests;

public sealed class TimestampRuleTests
{
    [Fact]
    public void Missing_occurred_at_is_required() => AssertRejected(Without("occurredAt"), "occurredAt", ValidationCodes.Required);

    [Fact]
    public void Timestamp_without_an_offset_is_rejected()
    {
        var error = AssertRejected(With("occurredAt", "2025-06-01T11:59:00"), "occurredAt", ValidationCodes.InvalidFormat);

        Assert.Contains("offset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamp_with_fraction_but_no_offset_is_rejected() =>
        AssertRejected(With("occurredAt", "2025-06-01T11:59:00.123"), "occurredAt", ValidationCodes.InvalidFormat);

    [Fact]
    public void Numeric_timestamp_is_the_wrong_type() =>
        AssertRejected(With("occurredAt", 1748779140), "occurredAt", ValidationCodes.WrongType);

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-06-01")]
    [InlineData("2025-06-01 11:59:00Z")]
    [InlineData("2025-6-1T11:59:00Z")]
    [InlineData("2025-06-01T11:59Z")]
    [InlineData("2025-06-01T11:59:00.Z")]
    [InlineData("2025-06-01T11:59:00+0100")]
    [InlineData("2025-06-01T11:59:00+01")]
    [InlineData("2025-06-01T11:59:00ZZ")]
    [InlineData("2025-02-30T11:59:00Z")]
    [InlineData("2025-13-01T11:59:00Z")]
    [InlineData("2025-06-01T24:00:00Z")]
    [InlineData("2025-06-01T11:60:00Z")]
    [InlineData("2025-06-01T11:59:60Z")]
    [InlineData("2025-06-01T11:59:00+24:00")]
    [InlineData("2025-06-01T11:59:00+15:00")]
    [InlineData("0000-06-01T11:59:00Z")]
    [InlineData("Sun, 01 Jun 2025 11:59:00 GMT")]
    [InlineData("")]
    public void Malformed_timestamp_is_rejected(string value) =>
        AssertRejected(With("occurredAt", value), "occurredAt", ValidationCodes.InvalidFormat);

    [Theory]
    [InlineData("2025-06-01T11:59:00Z", 0)]
    [InlineData("2025-06-01t11:59:00z", 0)]
    [InlineData("2025-06-01T13:59:00+02:00", 120)]
    [InlineData("2025-06-01T07:29:00-04:30", -270)]
    [InlineData("2025-06-01T11:59:00-00:00", 0)]
    public void Timestamp_with_an_offset_keeps_its_instant_and_offset(string value, int offsetMinutes)
    {
        var item = With("occurredAt", value);

        AssertValid(item);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 11, 59, 0, TimeSpan.Zero), item.Event!.OccurredAt);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), item.Event!.OccurredAt.Offset);
    }

    [Fact]
    public void Fraction_digits_past_the_seventh_are_truncated()
    {
        var item = With("occurredAt", "2025-06-01T11:59:00.123456789Z");

        AssertValid(item);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 11, 59, 0, TimeSpan.Zero).AddTicks(1_234_567), item.Event!.OccurredAt);
    }

    [Fact]
    public void Timestamp_exactly_at_the_maximum_age_is_accepted() =>
        AssertValid(With("occurredAt", "2025-05-31T12:00:00Z"));

    [Fact]
    public void Timestamp_one_tick_past_the_maximum_age_is_too_far_in_the_past() =>
        AssertRejected(With("occurredAt", "2025-05-31T11:59:59.9999999Z"), "occurredAt", ValidationCodes.TooFarInPast);

    [Fact]
    public void Maximum_age_is_measured_on_the_instant_not_the_local_time() =>
        AssertRejected(With("occurredAt", "2025-05-31T13:59:59.9999999+02:00"), "occurredAt", ValidationCodes.TooFarInPast);

    [Fact]
    public void Timestamp_exactly_at_the_clock_skew_is_accepted() =>
        AssertValid(With("occurredAt", "2025-06-01T12:05:00Z"));

    [Fact]
    public void Timestamp_one_tick_past_the_clock_skew_is_too_far_in_the_future() =>
        AssertRejected(With("occurredAt", "2025-06-01T12:05:00.0000001Z"), "occurredAt", ValidationCodes.TooFarInFuture);

    [Fact]
    public void Limits_are_configurable()
    {
        var limits = new IngestLimits { MaxEventAge = TimeSpan.FromMinutes(1), MaxClockSkew = TimeSpan.Zero };
        var old = Failed();
        old["occurredAt"] = "2025-06-01T11:58:59Z";
        var future = Failed();
        future["occurredAt"] = "2025-06-01T12:00:00.0000001Z";
        var now = Failed();
        now["occurredAt"] = "2025-06-01T12:00:00Z";

        AssertRejected(ParseOne(old, limits), "occurredAt", ValidationCodes.TooFarInPast);
        AssertRejected(ParseOne(future, limits), "occurredAt", ValidationCodes.TooFarInFuture);
        AssertValid(ParseOne(now, limits));
    }

    [Fact]
    public void Timestamps_at_the_ends_of_the_calendar_are_rejected_without_crashing()
    {
        AssertRejected(With("occurredAt", "0001-01-01T00:00:00+01:00"), "occurredAt", ValidationCodes.InvalidFormat);
        AssertRejected(With("occurredAt", "9999-12-31T23:59:59-01:00"), "occurredAt", ValidationCodes.InvalidFormat);
        AssertRejected(With("occurredAt", "0001-01-01T00:00:00Z"), "occurredAt", ValidationCodes.TooFarInPast);
        AssertRejected(With("occurredAt", "9999-12-31T23:59:59.9999999Z"), "occurredAt", ValidationCodes.TooFarInFuture);
    }

    [Fact]
    public void Leap_day_is_a_valid_date() =>
        Assert.Equal(Rfc3339Status.Ok, Rfc3339.TryParse("2024-02-29T00:00:00Z"u8, out _));

    [Fact]
    public void Twenty_ninth_of_february_outside_a_leap_year_is_invalid() =>
        Assert.Equal(Rfc3339Status.Invalid, Rfc3339.TryParse("2025-02-29T00:00:00Z"u8, out _));
}
