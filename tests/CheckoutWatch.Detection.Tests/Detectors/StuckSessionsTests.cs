using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Sessions;
using CheckoutWatch.Detection.Tests.Simulation;

namespace CheckoutWatch.Detection.Tests.Detectors;

public sealed class StuckSessionsTests
{
    private static readonly DateTimeOffset _t0 = Simulator.Epoch;

    [Fact]
    public void Many_stuck_sessions_on_one_psp_raise_one_merchant_alert_naming_the_psp()
    {
        var (monitor, changes) = Setup(submitted: 200);
        for (var i = 0; i < 6; i++)
        {
            AdvanceTo(monitor, changes, 70 + 10 * i);
            monitor.Observe(Stuck(i, _t0.AddSeconds(70 + 10 * i), "adyen"));
        }

        AdvanceTo(monitor, changes, 125);

        var opened = Assert.Single(changes, c => c.Kind == ChangeKind.Opened);
        Assert.Equal(AlertKind.StuckSessions, opened.Alert.Kind);
        Assert.Equal(AlertDimension.Merchant("m1"), opened.Alert.Dimension);
        Assert.Contains("adyen", opened.Alert.Title, StringComparison.Ordinal);
        Assert.Equal(5, opened.Alert.AffectedSessions);
        Assert.True(opened.Alert.PagesAfterGrace);
        Assert.Equal(_t0.AddSeconds(70), opened.Alert.StartedAt);
        Assert.Equal(5 * 4_200L, opened.Alert.RevenueAtRiskMinor);
        Assert.Equal(6, monitor.Active.Single().AffectedSessions);
    }

    [Fact]
    public void Sessions_stuck_in_the_same_second_open_an_alert_that_reports_a_real_window()
    {
        var (monitor, changes) = Setup(submitted: 100);
        AdvanceTo(monitor, changes, 70);
        for (var i = 0; i < 6; i++) monitor.Observe(Stuck(i, _t0.AddSeconds(70), "adyen"));
        AdvanceTo(monitor, changes, 75);

        var opened = Assert.Single(changes, c => c.Kind == ChangeKind.Opened).Alert;
        Assert.True(opened.Window >= TimeSpan.FromSeconds(1), $"window {opened.Window}");
        Assert.All(changes, c => Assert.True(c.Alert.Window >= TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Few_stuck_sessions_raise_nothing()
    {
        var (monitor, changes) = Setup(submitted: 50);
        StuckBurst(monitor, changes, 4, "adyen");

        Assert.Empty(changes);
    }

    [Fact]
    public void Stuck_sessions_below_the_share_of_traffic_raise_nothing()
    {
        // 6 stuck among 1,000 payments on the same PSP is 0.6 %: normal background, not an incident.
        var (monitor, changes) = Setup(submitted: 1_000, psps: ["adyen"]);
        StuckBurst(monitor, changes, 6, "adyen");

        Assert.Empty(changes);
    }

    [Fact]
    public void Stuck_alert_resolves_after_stuck_sessions_stop()
    {
        var (monitor, changes) = Setup(submitted: 100);
        StuckBurst(monitor, changes, 8, "adyen");
        AdvanceTo(monitor, changes, 600);

        Assert.Single(changes, c => c.Kind == ChangeKind.Opened);
        Assert.DoesNotContain(changes, c => c.Kind == ChangeKind.Reopened);
        var resolved = Assert.Single(changes, c => c.Kind == ChangeKind.Resolved);
        Assert.True(resolved.Alert.ResolvedAt <= _t0.AddSeconds(77 + 121 + 1));
    }

    [Fact]
    public void Reported_in_flight_sessions_are_the_denominator_when_known()
    {
        var (monitor, changes) = Setup(submitted: 10);
        monitor.SetInFlightSessions(5_000);
        StuckBurst(monitor, changes, 6, null);

        Assert.Empty(changes);
    }

    private static (MerchantMonitor, List<AlertChange>) Setup(int submitted, string[]? psps = null)
    {
        psps ??= ["adyen", "stripe"];
        var monitor = new MerchantMonitor("m1", DetectionOptions.Default, KnowledgeBase.LoadDefault());
        var changes = new List<AlertChange>();
        for (var i = 0; i < submitted; i++)
        {
            var at = _t0.AddSeconds(60.0 * i / submitted);
            monitor.Observe(new CheckoutEvent($"p{i}", "m1", $"x{i}", CheckoutEventType.PaymentSubmitted, at) { Psp = psps[i % psps.Length], PaymentMethod = "card" });
        }

        for (var s = 1; s <= 60; s++) changes.AddRange(monitor.Evaluate(_t0.AddSeconds(s)));
        return (monitor, changes);
    }

    private static void StuckBurst(MerchantMonitor monitor, List<AlertChange> changes, int count, string? psp)
    {
        for (var i = 0; i < count; i++)
        {
            AdvanceTo(monitor, changes, 70 + i);
            monitor.Observe(Stuck(i, _t0.AddSeconds(70 + i), psp));
        }

        AdvanceTo(monitor, changes, 90);
    }

    private static void AdvanceTo(MerchantMonitor monitor, List<AlertChange> changes, int second)
    {
        var from = (int)(monitor.LastEvaluatedAt!.Value - _t0).TotalSeconds;
        for (var s = from + 1; s <= second; s++) changes.AddRange(monitor.Evaluate(_t0.AddSeconds(s)));
    }

    private static SessionFinding Stuck(int i, DateTimeOffset at, string? psp) =>
        new(SessionFindingKind.SessionStuck, "m1", $"stuck{i}", at)
        {
            StuckIn = PaymentState.Submitted,
            Psp = psp,
            AmountMinor = 4_200,
            Currency = "EUR",
        };
}
