using static CheckoutWatch.Ingest.Tests.TestEvents;

namespace CheckoutWatch.Ingest.Tests;

public sealed class AmountAndCurrencyRuleTests
{
    [Fact]
    public void Zero_amount_is_accepted() => AssertValid(With("amountMinor", 0));

    [Fact]
    public void Largest_int64_amount_is_accepted()
    {
        var item = With("amountMinor", long.MaxValue);

        AssertValid(item);
        Assert.Equal(long.MaxValue, item.Event!.AmountMinor);
    }

    [Fact]
    public void Amount_one_past_int64_is_out_of_range() =>
        AssertRejected(ParseOne(Failed().ToJsonString().Replace("4999", "9223372036854775808", StringComparison.Ordinal)), "amountMinor", ValidationCodes.OutOfRange);

    [Fact]
    public void Amount_with_hundreds_of_digits_is_out_of_range() =>
        AssertRejected(ParseOne(Failed().ToJsonString().Replace("4999", new string('9', 400), StringComparison.Ordinal)), "amountMinor", ValidationCodes.OutOfRange);

    [Fact]
    public void Negative_amount_is_out_of_range() => AssertRejected(With("amountMinor", -1), "amountMinor", ValidationCodes.OutOfRange);

    [Fact]
    public void Hugely_negative_amount_is_out_of_range() =>
        AssertRejected(ParseOne(Failed().ToJsonString().Replace("4999", "-99999999999999999999999", StringComparison.Ordinal)), "amountMinor", ValidationCodes.OutOfRange);

    [Fact]
    public void Fractional_amount_is_rejected() => AssertRejected(With("amountMinor", 49.99), "amountMinor", ValidationCodes.InvalidFormat);

    [Theory]
    [InlineData("4999.0")]
    [InlineData("4.999e3")]
    [InlineData("1E3")]
    [InlineData("1e400")]
    [InlineData("-0.5")]
    public void Amount_written_with_a_fraction_or_exponent_is_rejected(string amount) =>
        AssertRejected(ParseOne(Failed().ToJsonString().Replace("4999", amount, StringComparison.Ordinal)), "amountMinor", ValidationCodes.InvalidFormat);

    [Fact]
    public void Amount_as_a_string_is_the_wrong_type() => AssertRejected(With("amountMinor", "4999"), "amountMinor", ValidationCodes.WrongType);

    [Fact]
    public void Amount_as_a_boolean_is_the_wrong_type() => AssertRejected(With("amountMinor", true), "amountMinor", ValidationCodes.WrongType);

    [Fact]
    public void Amount_is_required_on_payment_events() => AssertRejected(Without("amountMinor"), "amountMinor", ValidationCodes.Required);

    [Fact]
    public void Currency_is_required_on_payment_events() => AssertRejected(Without("currency"), "currency", ValidationCodes.Required);

    [Fact]
    public void Amount_and_currency_are_optional_on_checkout_events() => AssertValid(ParseOne(Started()));

    [Fact]
    public void Amount_and_currency_together_are_accepted_on_checkout_events()
    {
        var item = Started();
        item["amountMinor"] = 100;
        item["currency"] = "JPY";

        AssertValid(ParseOne(item));
    }

    [Fact]
    public void Amount_without_currency_on_a_checkout_event_needs_the_currency() =>
        AssertRejected(With("amountMinor", 100, Started()), "currency", ValidationCodes.Required);

    [Fact]
    public void Currency_without_amount_on_a_checkout_event_needs_the_amount() =>
        AssertRejected(With("currency", "EUR", Started()), "amountMinor", ValidationCodes.Required);

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("EU")]
    [InlineData("€")]
    [InlineData("E1R")]
    [InlineData("")]
    public void Currency_that_is_not_three_upper_case_letters_is_rejected(string currency) =>
        AssertRejected(With("currency", currency), "currency", ValidationCodes.InvalidFormat);

    [Theory]
    [InlineData("XYZ")]
    [InlineData("XTS")]
    [InlineData("XAU")]
    [InlineData("DEM")]
    public void Currency_that_is_not_an_active_iso_4217_code_is_unknown(string currency) =>
        AssertRejected(With("currency", currency), "currency", ValidationCodes.UnknownValue);

    [Theory]
    [InlineData("USD")]
    [InlineData("JPY")]
    [InlineData("CHF")]
    [InlineData("KWD")]
    [InlineData("XOF")]
    public void Common_currencies_are_accepted(string currency) => AssertValid(With("currency", currency));

    [Fact]
    public void Numeric_currency_is_the_wrong_type() => AssertRejected(With("currency", 978), "currency", ValidationCodes.WrongType);

    [Fact]
    public void Currency_list_is_large_enough_to_be_the_real_one() => Assert.InRange(IsoCurrencies.Count, 150, 190);
}
