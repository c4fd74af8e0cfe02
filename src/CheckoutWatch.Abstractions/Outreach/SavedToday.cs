using System.Collections.Immutable;

namespace CheckoutWatch.Abstractions.Outreach;

/// <summary>
/// The outreach figures the boards and the wall show: customers recovered and revenue saved
/// since midnight UTC (per currency: CheckoutWatch does not convert), and the queue's open and
/// claimed counts now.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SavedToday(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int CustomersRecovered,
    [property: Id(2)] ImmutableArray<CurrencyAmount> Revenue,
    [property: Id(3)] int Open,
    [property: Id(4)] int Claimed,
    [property: Id(5)] int Refunded);

/// <summary>An amount in minor units of one ISO 4217 currency.</summary>
[GenerateSerializer, Immutable]
public sealed record CurrencyAmount([property: Id(0)] string Currency, [property: Id(1)] long AmountMinor);
