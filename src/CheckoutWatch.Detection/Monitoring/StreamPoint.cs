namespace CheckoutWatch.Detection.Monitoring;

/// <summary>
/// One sample of a stream for charts: the counts of the last bucket, baselines and test levels;
/// for traffic, starts per second observed and expected.
/// </summary>
public sealed record StreamPoint(
    DateTimeOffset At,
    int Attempts,
    int Failures,
    int ActionableFailures,
    double Baseline,
    double Threshold,
    double ActionableBaseline,
    double ActionableThreshold,
    double ObservedStartsPerSecond = 0,
    double ExpectedStartsPerSecond = 0);
