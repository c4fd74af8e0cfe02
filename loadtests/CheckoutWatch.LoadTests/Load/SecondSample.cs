namespace CheckoutWatch.LoadTests.Load;

/// <summary>One second of a run (by completion time): what was achieved and how fast.</summary>
public sealed record SecondSample(
    double At,
    long Ok,
    long Failed,
    long Dropped,
    double EventsPerSecond,
    double? TargetEventsPerSecond,
    double P50,
    double P99,
    double Max,
    long InFlight);
