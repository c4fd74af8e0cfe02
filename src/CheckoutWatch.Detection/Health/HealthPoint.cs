namespace CheckoutWatch.Detection.Health;

/// <summary>One point of a tile's sparkline: an interval's volume and success rate.</summary>
public readonly record struct HealthPoint(DateTimeOffset At, int Outcomes, double? SuccessRate);
