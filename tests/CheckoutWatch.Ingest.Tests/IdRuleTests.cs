using static CheckoutWatch.Ingest.Tests.TestEvents;

namespace CheckoutWatch.Ingest.Tests;

public sealed class IdRuleTests
{
    [Fact]
    public void Missing_event_id_is_required() => AssertRejected(Without("eventId"), "eventId", ValidationCodes.Required);

    [Fact]
    public void Null_event_id_is_required() => AssertRejected(With("eventId", null), "eventId", ValidationCodes.Required);

    [Fact]
    public void Empty_event_id_is_too_short() => AssertRejected(With("eventId", ""), "eventId", ValidationCodes.TooShort);

    [Fact]
    public void Event_id_of_128_chars_is_accepted() => AssertValid(With("eventId", new string('e', 128)));

    [Fact]
    public void Event_id_of_129_chars_is_too_long() =>
        AssertRejected(With("eventId", new string('e', 129)), "eventId", ValidationCodes.TooLong);

    [Fact]
    public void Numeric_event_id_is_the_wrong_type() => AssertRejected(With("eventId", 12345), "eventId", ValidationCodes.WrongType);

    [Fact]
    public void Event_id_with_a_control_character_is_rejected() =>
        AssertRejected(With("eventId", "evt\u0000-1"), "eventId", ValidationCodes.ControlCharacter);

    [Fact]
    public void Event_id_with_a_c1_control_character_is_rejected() =>
        AssertRejected(With("eventId", "evt\u0085-1"), "eventId", ValidationCodes.ControlCharacter);

    [Fact]
    public void Event_id_with_unicode_letters_is_accepted()
    {
        var item = With("eventId", "événement-東京-🙂");

        AssertValid(item);
        Assert.Equal("événement-東京-🙂", item.Event!.EventId);
    }

    [Fact]
    public void Missing_merchant_id_is_required() => AssertRejected(Without("merchantId"), "merchantId", ValidationCodes.Required);

    [Fact]
    public void Merchant_id_with_a_slash_is_rejected() =>
        AssertRejected(With("merchantId", "shop/1"), "merchantId", ValidationCodes.InvalidFormat);

    [Theory]
    [InlineData("shop 1")]
    [InlineData("shöp")]
    [InlineData("shop:1")]
    [InlineData("shop\u200B1")]
    public void Merchant_id_outside_its_character_set_is_rejected(string merchantId) =>
        AssertRejected(With("merchantId", merchantId), "merchantId", ValidationCodes.InvalidFormat);

    [Fact]
    public void Merchant_id_with_dots_dashes_and_underscores_is_accepted() =>
        AssertValid(With("merchantId", "Shop_1.eu-West"));

    [Fact]
    public void Merchant_id_of_64_chars_is_accepted() => AssertValid(With("merchantId", new string('m', 64)));

    [Fact]
    public void Merchant_id_of_65_chars_is_too_long() =>
        AssertRejected(With("merchantId", new string('m', 65)), "merchantId", ValidationCodes.TooLong);

    [Fact]
    public void Empty_merchant_id_is_too_short() => AssertRejected(With("merchantId", ""), "merchantId", ValidationCodes.TooShort);

    [Fact]
    public void Missing_session_id_is_required() => AssertRejected(Without("sessionId"), "sessionId", ValidationCodes.Required);

    [Fact]
    public void Session_id_of_129_chars_is_too_long() =>
        AssertRejected(With("sessionId", new string('s', 129)), "sessionId", ValidationCodes.TooLong);

    [Fact]
    public void Session_id_that_is_an_object_is_the_wrong_type() =>
        AssertRejected(With("sessionId", new System.Text.Json.Nodes.JsonObject { ["id"] = "s" }), "sessionId", ValidationCodes.WrongType);

    [Fact]
    public void Session_id_with_a_newline_is_rejected() =>
        AssertRejected(With("sessionId", "sess\n1"), "sessionId", ValidationCodes.ControlCharacter);

    [Fact]
    public void Rejected_item_reports_its_event_id_when_it_is_valid()
    {
        var item = With("merchantId", "shop/1");

        Assert.Equal("evt-1", item.EventId);
    }

    [Fact]
    public void Rejected_item_reports_no_event_id_when_the_event_id_is_invalid()
    {
        var item = With("eventId", "bad\u0001id");

        Assert.Null(item.EventId);
    }
}
