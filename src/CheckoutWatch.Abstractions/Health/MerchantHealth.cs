using System.Collections.Immutable;

namespace CheckoutWatch.Abstractions.Health;

/// <summary>A merchant's health tile on the board (hub message <c>healthUpdated</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record MerchantHealth(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] int CheckoutsStarted1m,
    [property: Id(3)] int PaymentAttempts1m,
    [property: Id(4)] int Outcomes1m,
    [property: Id(5)] int Failures1m,
    [property: Id(6)] double? SuccessRate1m,
    [property: Id(7)] int Outcomes5m,
    [property: Id(8)] double? SuccessRate5m,
    [property: Id(9)] int InFlightSessions,
    [property: Id(10)] ImmutableArray<HealthSample> History);
