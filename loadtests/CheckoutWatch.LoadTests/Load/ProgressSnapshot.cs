namespace CheckoutWatch.LoadTests.Load;

/// <summary>What the live console shows once a second.</summary>
public sealed record ProgressSnapshot(
    string Run,
    TimeSpan Elapsed,
    TimeSpan Planned,
    double? TargetEventsPerSecond,
    double EventsPerSecond,
    long Ok,
    long Failed,
    long Dropped,
    long InFlight,
    double P99LastSecond,
    double P99SoFar);
