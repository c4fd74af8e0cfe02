using CheckoutWatch.Detection.Alerts;

namespace CheckoutWatch.Detection.Monitoring;

/// <summary>One incident of a backtest: its last state, when it opened and resolved, and its detection delay.</summary>
public sealed record BacktestAlert(
    DetectedAlert Alert,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ResolvedAt,
    AlertSeverity HighestSeverity,
    int Reopened)
{
    /// <summary>From the first failing event (the start of the test's run) to detection.</summary>
    public TimeSpan Delay => Alert.DetectedAt - Alert.StartedAt;
}
