namespace CheckoutWatch.Detection.Monitoring;

/// <summary>A merchant monitor's state at one moment: every failure stream, and the traffic expectation.</summary>
public sealed record MonitorSnapshot(
    string MerchantId,
    DateTimeOffset At,
    IReadOnlyList<StreamSnapshot> Streams,
    double ExpectedStartsPerSecond,
    double RecentStartsPerSecond);
