using System.Text.Json.Nodes;
using static CheckoutWatch.Ingest.Tests.TestEvents;

namespace CheckoutWatch.Ingest.Tests;

public sealed class CountryAndCustomerRuleTests
{
    [Fact]
    public void Country_is_optional() => AssertValid(Without("country"));

    [Theory]
    [InlineData("de")]
    [InlineData("DEU")]
    [InlineData("D")]
    [InlineData("")]
    public void Country_that_is_not_two_upper_case_letters_is_rejected(string country) =>
        AssertRejected(With("country", country), "country", ValidationCodes.InvalidFormat);

    [Theory]
    [InlineData("ZZ")]
    [InlineData("UK")]
    [InlineData("EU")]
    public void Country_that_is_not_an_assigned_code_is_unknown(string country) =>
        AssertRejected(With("country", country), "country", ValidationCodes.UnknownValue);

    [Theory]
    [InlineData("GB")]
    [InlineData("US")]
    [InlineData("XK")]
    [InlineData("AX")]
    public void Assigned_countries_are_accepted(string country) => AssertValid(With("country", country));

    [Fact]
    public void Country_list_holds_the_249_assigned_codes_and_kosovo() => Assert.Equal(250, IsoCountries.Count);

    [Fact]
    public void Customer_is_optional() => AssertValid(Without("customer"));

    [Fact]
    public void Customer_that_is_a_string_is_the_wrong_type() =>
        AssertRejected(With("customer", "Ada Lovelace"), "customer", ValidationCodes.WrongType);

    [Fact]
    public void Customer_that_is_an_array_is_the_wrong_type() =>
        AssertRejected(With("customer", new JsonArray("a")), "customer", ValidationCodes.WrongType);

    [Fact]
    public void Customer_fields_are_each_optional()
    {
        var item = With("customer", new JsonObject { ["email"] = "a@b" });

        AssertValid(item);
        Assert.Equal(new Detection.Events.CustomerInfo(null, null, "a@b", null), item.Event!.Customer);
    }

    [Fact]
    public void Empty_customer_fields_are_the_same_as_absent_ones()
    {
        var item = With("customer", new JsonObject { ["id"] = "", ["name"] = null, ["email"] = "" });

        AssertValid(item);
        Assert.Null(item.Event!.Customer);
    }

    [Theory]
    [InlineData("ada.example.com")]
    [InlineData("@example.com")]
    [InlineData("ada@")]
    [InlineData("ada@@example.com")]
    [InlineData("ada@b@example.com")]
    [InlineData("ada lovelace@example.com")]
    public void Email_without_one_at_sign_between_text_is_rejected(string email) =>
        AssertRejected(WithCustomer("email", email), "customer.email", ValidationCodes.InvalidFormat);

    [Fact]
    public void Email_of_255_chars_is_too_long() =>
        AssertRejected(WithCustomer("email", new string('a', 243) + "@example.com"), "customer.email", ValidationCodes.TooLong);

    [Fact]
    public void Email_of_254_chars_is_accepted() => AssertValid(WithCustomer("email", new string('a', 242) + "@example.com"));

    [Theory]
    [InlineData("+1 (555) 010-0000")]
    [InlineData("0049 30 1234567")]
    public void Phone_with_digits_spaces_plus_dash_and_parentheses_is_accepted(string phone) =>
        AssertValid(WithCustomer("phone", phone));

    [Theory]
    [InlineData("call me")]
    [InlineData("+1 555 0100 ext. 2")]
    [InlineData("+1.555.0100")]
    [InlineData("()-+")]
    public void Phone_with_other_characters_is_rejected(string phone) =>
        AssertRejected(WithCustomer("phone", phone), "customer.phone", ValidationCodes.InvalidFormat);

    [Fact]
    public void Phone_of_33_chars_is_too_long() =>
        AssertRejected(WithCustomer("phone", new string('1', 33)), "customer.phone", ValidationCodes.TooLong);

    [Fact]
    public void Customer_name_of_201_chars_is_too_long() =>
        AssertRejected(WithCustomer("name", new string('n', 201)), "customer.name", ValidationCodes.TooLong);

    [Fact]
    public void Customer_id_of_129_chars_is_too_long() =>
        AssertRejected(WithCustomer("id", new string('i', 129)), "customer.id", ValidationCodes.TooLong);

    [Fact]
    public void Customer_name_that_is_a_number_is_the_wrong_type() =>
        AssertRejected(WithCustomer("name", 42), "customer.name", ValidationCodes.WrongType);

    [Fact]
    public void Customer_name_with_a_control_character_is_rejected() =>
        AssertRejected(WithCustomer("name", "Ada\u001BLovelace"), "customer.name", ValidationCodes.ControlCharacter);

    [Fact]
    public void Unknown_customer_properties_are_ignored()
    {
        var item = WithCustomer("loyaltyTier", "gold");

        AssertValid(item);
        Assert.Equal("Ada Lovelace", item.Event!.Customer?.Name);
    }

    [Fact]
    public void Object_inside_the_customer_is_too_deep() =>
        AssertRejected(WithCustomer("address", new JsonObject { ["city"] = "London" }), "customer.address", ValidationCodes.TooDeep);

    [Fact]
    public void Customer_name_that_is_an_object_is_the_wrong_type_and_too_deep()
    {
        var item = WithCustomer("name", new JsonObject { ["first"] = "Ada" });

        Assert.Equal(
            [("customer.name", ValidationCodes.WrongType), ("customer.name", ValidationCodes.TooDeep)],
            item.Errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Duplicate_customer_property_is_rejected() =>
        AssertRejected(
            ParseOne(Started().ToJsonString().TrimEnd('}') + ",\"customer\":{\"email\":\"a@b\",\"email\":\"c@d\"}}"),
            "customer.email",
            ValidationCodes.DuplicateProperty);
}
