namespace CheckoutWatch.LoadTests.Load;

/// <summary>One point of a latency-by-percentile plot.</summary>
public readonly record struct PercentilePoint(double Percentile, double LatencyMs);
