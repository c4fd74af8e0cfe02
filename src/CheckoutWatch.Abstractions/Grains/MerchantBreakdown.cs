using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Health;

namespace CheckoutWatch.Abstractions.Grains;

/// <summary>A merchant's counters over the last five minutes, total and by dimension.</summary>
[GenerateSerializer, Immutable]
public sealed record MerchantBreakdown(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] int CheckoutsStarted,
    [property: Id(2)] int PaymentAttempts,
    [property: Id(3)] int Successes,
    [property: Id(4)] int Failures,
    [property: Id(5)] int InFlightSessions,
    [property: Id(6)] ImmutableArray<BreakdownEntry> Entries);
