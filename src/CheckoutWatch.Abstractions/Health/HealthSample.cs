namespace CheckoutWatch.Abstractions.Health;

/// <summary>One sparkline point: outcomes in a 10-second interval and their success rate.</summary>
[GenerateSerializer, Immutable]
public sealed record HealthSample(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int Outcomes,
    [property: Id(2)] double? SuccessRate);
