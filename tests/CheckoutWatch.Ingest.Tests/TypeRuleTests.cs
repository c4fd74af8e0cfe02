using CheckoutWatch.Detection.Events;
using static CheckoutWatch.Ingest.Tests.TestEvents;

namespace CheckoutWatch.Ingest.Tests;

public sealed class TypeRuleTests
{
    [Fact]
    public void Missing_type_is_required() => AssertRejected(Without("type"), "type", ValidationCodes.Required);

    [Fact]
    public void Unknown_type_is_rejected_with_the_allowed_values_listed()
    {
        var error = AssertRejected(With("type", "payment_exploded"), "type", ValidationCodes.UnknownValue);

        foreach (var name in CheckoutEventTypeNames.All)
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Payment_Failed")]
    [InlineData("PaymentFailed")]
    [InlineData("payment_failed ")]
    [InlineData("")]
    public void Type_not_spelled_exactly_as_a_wire_name_is_unknown(string type) =>
        AssertRejected(With("type", type), "type", ValidationCodes.UnknownValue);

    [Fact]
    public void Very_long_type_is_unknown_not_too_long() =>
        AssertRejected(With("type", new string('p', 10_000)), "type", ValidationCodes.UnknownValue);

    [Fact]
    public void Numeric_type_is_the_wrong_type() => AssertRejected(With("type", 4), "type", ValidationCodes.WrongType);

    [Theory]
    [InlineData("checkout_started", CheckoutEventType.CheckoutStarted)]
    [InlineData("payment_submitted", CheckoutEventType.PaymentSubmitted)]
    [InlineData("payment_action_required", CheckoutEventType.PaymentActionRequired)]
    [InlineData("payment_succeeded", CheckoutEventType.PaymentSucceeded)]
    [InlineData("checkout_completed", CheckoutEventType.CheckoutCompleted)]
    [InlineData("checkout_abandoned", CheckoutEventType.CheckoutAbandoned)]
    public void Every_wire_type_is_read(string wire, CheckoutEventType expected)
    {
        var item = Failed();
        item.Remove("declineCode");
        item.Remove("failureKind");
        item["type"] = wire;

        var parsed = ParseOne(item);

        AssertValid(parsed);
        Assert.Equal(expected, parsed.Event!.Type);
    }

    [Fact]
    public void Escaped_type_name_is_read_unescaped()
    {
        var parsed = ParseOne(Started().ToJsonString().Replace("checkout_started", "checkout\\u005fstarted", StringComparison.Ordinal));

        AssertValid(parsed);
        Assert.Equal(CheckoutEventType.CheckoutStarted, parsed.Event!.Type);
    }
}
