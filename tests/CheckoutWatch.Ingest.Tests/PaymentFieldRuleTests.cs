using CheckoutWatch.Detection.Events;
using static CheckoutWatch.Ingest.Tests.TestEvents;

namespace CheckoutWatch.Ingest.Tests;

public sealed class PaymentFieldRuleTests
{
    [Fact]
    public void Psp_is_required_on_payment_events() => AssertRejected(Without("psp"), "psp", ValidationCodes.Required);

    [Fact]
    public void Payment_method_is_required_on_payment_events() =>
        AssertRejected(Without("paymentMethod"), "paymentMethod", ValidationCodes.Required);

    [Theory]
    [InlineData("payment_submitted")]
    [InlineData("payment_action_required")]
    [InlineData("payment_succeeded")]
    public void Every_payment_event_needs_amount_currency_psp_and_method(string type)
    {
        var item = Started();
        item["type"] = type;

        var parsed = ParseOne(item);

        Assert.Equal(
            ["amountMinor", "currency", "psp", "paymentMethod"],
            parsed.Errors.Select(e => e.Field));
        Assert.All(parsed.Errors, e => Assert.Equal(ValidationCodes.Required, e.Code));
    }

    [Fact]
    public void Psp_and_method_are_optional_on_checkout_events()
    {
        var item = Started();
        item["psp"] = "stripe";
        item["paymentMethod"] = "card";

        AssertValid(ParseOne(item));
    }

    [Fact]
    public void Psp_of_65_chars_is_too_long() => AssertRejected(With("psp", new string('p', 65)), "psp", ValidationCodes.TooLong);

    [Fact]
    public void Empty_psp_is_too_short() => AssertRejected(With("psp", ""), "psp", ValidationCodes.TooShort);

    [Fact]
    public void Payment_method_as_a_number_is_the_wrong_type() =>
        AssertRejected(With("paymentMethod", 1), "paymentMethod", ValidationCodes.WrongType);

    [Fact]
    public void Card_network_is_optional() => AssertValid(Without("cardNetwork"));

    [Fact]
    public void Card_network_of_65_chars_is_too_long() =>
        AssertRejected(With("cardNetwork", new string('n', 65)), "cardNetwork", ValidationCodes.TooLong);

    [Fact]
    public void Empty_card_network_is_too_short() => AssertRejected(With("cardNetwork", ""), "cardNetwork", ValidationCodes.TooShort);

    [Fact]
    public void Failure_kind_is_required_on_payment_failed() =>
        AssertRejected(Without("failureKind"), "failureKind", ValidationCodes.Required);

    [Fact]
    public void Decline_code_is_optional_on_payment_failed() => AssertValid(Without("declineCode"));

    [Theory]
    [InlineData("declined", FailureKind.Declined)]
    [InlineData("error", FailureKind.Error)]
    [InlineData("timeout", FailureKind.Timeout)]
    public void Every_failure_kind_is_read(string wire, FailureKind expected)
    {
        var item = With("failureKind", wire);

        AssertValid(item);
        Assert.Equal(expected, item.Event!.FailureKind);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("Declined")]
    [InlineData("fraud")]
    public void Unknown_failure_kind_is_rejected(string kind) =>
        AssertRejected(With("failureKind", kind), "failureKind", ValidationCodes.UnknownValue);

    [Fact]
    public void Decline_code_on_payment_succeeded_is_not_allowed()
    {
        var item = Failed();
        item["type"] = "payment_succeeded";
        item.Remove("failureKind");

        AssertRejected(ParseOne(item), "declineCode", ValidationCodes.NotAllowed);
    }

    [Fact]
    public void Failure_kind_on_checkout_started_is_not_allowed() =>
        AssertRejected(With("failureKind", "declined", Started()), "failureKind", ValidationCodes.NotAllowed);

    [Fact]
    public void Decline_code_of_33_chars_is_too_long() =>
        AssertRejected(With("declineCode", new string('9', 33)), "declineCode", ValidationCodes.TooLong);

    [Fact]
    public void Decline_code_of_32_chars_is_accepted() => AssertValid(With("declineCode", new string('9', 32)));

    [Fact]
    public void Numeric_decline_code_is_the_wrong_type() => AssertRejected(With("declineCode", 51), "declineCode", ValidationCodes.WrongType);
}
