namespace CheckoutWatch.Abstractions.Health;

/// <summary>One value of one dimension (psp, payment_method, card_network, decline_code) with its counts.</summary>
[GenerateSerializer, Immutable]
public sealed record BreakdownEntry(
    [property: Id(0)] string Dimension,
    [property: Id(1)] string Value,
    [property: Id(2)] int Attempts,
    [property: Id(3)] int Successes,
    [property: Id(4)] int Failures);
