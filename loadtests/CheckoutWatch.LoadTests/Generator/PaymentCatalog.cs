using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.LoadTests.Generator;

/// <summary>
/// The vocabulary of generated traffic: PSPs, payment methods, networks, markets and decline
/// codes with plausible shares (codes and their meaning as in KNOWLEDGE.md).
/// </summary>
public static class PaymentCatalog
{
    public static readonly string[] Psps = ["stripe", "adyen", "checkout_com", "braintree", "worldpay"];

    public static readonly PaymentMethodProfile Card = new("card", true, 0.25);

    public static readonly WeightedChoice<PaymentMethodProfile> Methods = new(
        (Card, 60),
        (new PaymentMethodProfile("apple_pay", true, 0.02), 10),
        (new PaymentMethodProfile("google_pay", true, 0.03), 6),
        (new PaymentMethodProfile("paypal", false, 0.10), 12),
        (new PaymentMethodProfile("klarna", false, 1.0), 5),
        (new PaymentMethodProfile("ideal", false, 1.0), 4),
        (new PaymentMethodProfile("sepa_debit", false, 0.0), 3));

    public static readonly WeightedChoice<string> Networks = new(("visa", 55), ("mastercard", 36), ("amex", 7), ("discover", 2));

    /// <summary>Markets as (country, currency, minor units per major unit, typical basket in major units).</summary>
    public static readonly (string Country, string Currency, int MinorPerMajor, double Basket)[] Markets =
    [
        ("DE", "EUR", 100, 60), ("FR", "EUR", 100, 55), ("NL", "EUR", 100, 50), ("GB", "GBP", 100, 45),
        ("US", "USD", 100, 70), ("SE", "SEK", 100, 600), ("JP", "JPY", 1, 7_000), ("CH", "CHF", 100, 80),
        ("PL", "PLN", 100, 220), ("AU", "AUD", 100, 90),
    ];

    public static readonly WeightedChoice<FailureKind> FailureKinds = new(
        (FailureKind.Declined, 78), (FailureKind.Error, 14), (FailureKind.Timeout, 8));

    public static readonly WeightedChoice<string> DeclinedCodes = new(
        ("05", 28), ("51", 24), ("54", 7), ("14", 4), ("N7", 9), ("1A", 8), ("57", 5), ("59", 9), ("41", 1), ("43", 1), ("65", 4));

    public static readonly WeightedChoice<string> ErrorCodes = new(("91", 45), ("96", 45), ("12", 6), ("03", 4));

    /// <summary>ISO 8583 "response received too late".</summary>
    public const string TimeoutCode = "68";

    public static readonly string[] FirstNames = ["Anna", "Ben", "Chloé", "Daniel", "Eva", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Karin", "Luca"];

    public static readonly string[] LastNames = ["Müller", "Smith", "Dubois", "Jansen", "Nakamura", "Rossi", "Kowalski", "Larsen", "García", "Novak"];

    public static Decline PickDecline(Random random) => FailureKinds.Pick(random) switch
    {
        FailureKind.Declined => new Decline(DeclinedCodes.Pick(random), FailureKind.Declined),
        FailureKind.Error => new Decline(ErrorCodes.Pick(random), FailureKind.Error),
        _ => new Decline(TimeoutCode, FailureKind.Timeout),
    };
}
