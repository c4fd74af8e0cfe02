using CheckoutWatch.Detection.Alerts;

namespace CheckoutWatch.Detection.Tests.Monitoring;

public sealed class AlertTrackerTests
{
    private static readonly DateTimeOffset _t0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly AlertTracker _tracker = new(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10));

    [Fact]
    public void Figures_are_republished_at_most_once_per_interval_but_severity_changes_at_once()
    {
        var alert = Alert();
        _tracker.Open(alert, _t0);
        _tracker.Update(alert with { Failures = 10 }, _t0.AddSeconds(2));
        _tracker.Update(alert with { Failures = 20 }, _t0.AddSeconds(4));
        _tracker.Update(alert with { Failures = 20, Severity = AlertSeverity.Critical }, _t0.AddSeconds(5));
        _tracker.Update(alert with { Failures = 30, Severity = AlertSeverity.Critical }, _t0.AddSeconds(16));

        var changes = _tracker.Drain(_t0.AddSeconds(16));
        Assert.Equal([ChangeKind.Opened, ChangeKind.Updated, ChangeKind.Updated], changes.Select(c => c.Kind));
        Assert.Equal(AlertSeverity.Critical, changes[1].Alert.Severity);
        Assert.Equal(30, changes[2].Alert.Failures);
        Assert.Equal(_t0, changes[2].Alert.DetectedAt);
    }

    [Fact]
    public void Opening_again_within_the_cooldown_reopens_and_after_it_opens_anew()
    {
        _tracker.Open(Alert(), _t0);
        _tracker.Resolve("k", _t0.AddMinutes(1));
        var reopened = _tracker.Open(Alert() with { StartedAt = _t0.AddMinutes(3) }, _t0.AddMinutes(3));
        _tracker.Resolve("k", _t0.AddMinutes(4));
        _tracker.Drain(_t0.AddMinutes(4));
        _tracker.Drain(_t0.AddMinutes(20));
        _tracker.Open(Alert(), _t0.AddMinutes(20));

        Assert.Equal(2, reopened.Occurrences);
        Assert.Equal(_t0, reopened.StartedAt);
        Assert.Equal(ChangeKind.Opened, Assert.Single(_tracker.Drain(_t0.AddMinutes(20))).Kind);
    }

    [Fact]
    public void Active_lists_open_alerts_only()
    {
        _tracker.Open(Alert(), _t0);
        _tracker.Open(Alert("k2"), _t0);
        _tracker.Resolve("k", _t0.AddSeconds(30));

        Assert.Equal("k2", Assert.Single(_tracker.Active).IncidentKey);
        Assert.False(_tracker.IsActive("k"));
    }

    private static DetectedAlert Alert(string key = "k") =>
        new(key, "m1", AlertKind.PaymentFailureSpike, AlertDimension.Merchant("m1"))
        {
            Severity = AlertSeverity.Major,
            StartedAt = _t0,
        };
}
