using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Tests.Simulation;

namespace CheckoutWatch.Detection.Tests.Detectors;

public sealed class LowVolumeTests
{
    private static readonly DateTimeOffset _t0 = Simulator.Epoch;

    [Theory]
    [InlineData(1, 0.05)]
    [InlineData(2, 0.05)]
    [InlineData(3, 0.10)]
    [InlineData(4, 0.15)]
    public void Ten_consecutive_failures_at_one_attempt_per_10_seconds_raise_an_alert(int seed, double baseRate)
    {
        // Half an hour at one attempt every 10 s with the merchant's usual failures, then every attempt fails.
        var rng = new Random(seed);
        var monitor = new MerchantMonitor("small", DetectionOptions.Default, KnowledgeBase.LoadDefault());
        var changes = new List<AlertChange>();
        var second = 0;
        for (var i = 0; i < 190; i++) Attempt(rng.NextDouble() < baseRate);
        Assert.Empty(changes);

        var failures = 0;
        while (failures < 10 && !changes.Any(c => c.Kind == ChangeKind.Opened))
        {
            Attempt(failed: true);
            failures++;
        }

        var opened = Assert.Single(changes, c => c.Kind == ChangeKind.Opened);
        Assert.True(opened.Alert.PagesAfterGrace);
        Assert.True(failures <= 10, $"alerted after {failures} failures");

        void Attempt(bool failed)
        {
            var at = _t0.AddSeconds(second);
            monitor.Observe(failed
                ? Failed("small", second, at)
                : new CheckoutEvent($"ok{second}", "small", $"s{second}", CheckoutEventType.PaymentSucceeded, at) { Psp = "adyen", PaymentMethod = "card", CardNetwork = "visa" });
            for (var s = 1; s <= 10; s++) changes.AddRange(monitor.Evaluate(_t0.AddSeconds(second + s)));
            second += 10;
        }
    }

    [Fact]
    public void Brand_new_merchant_whose_first_ten_attempts_fail_raises_an_alert()
    {
        var monitor = new MerchantMonitor("new", DetectionOptions.Default, KnowledgeBase.LoadDefault());
        var changes = new List<AlertChange>();
        for (var i = 0; i < 10; i++)
        {
            monitor.Observe(Failed("new", i, _t0.AddSeconds(10 * i)));
            for (var s = 1; s <= 10; s++) changes.AddRange(monitor.Evaluate(_t0.AddSeconds(10 * i + s)));
        }

        var opened = Assert.Single(changes, c => c.Kind == ChangeKind.Opened);
        Assert.Equal(AlertDimension.Merchant("new"), opened.Alert.Dimension);
    }

    [Fact]
    public void Two_failures_in_three_attempts_never_alert()
    {
        var monitor = new MerchantMonitor("tiny", DetectionOptions.Default, KnowledgeBase.LoadDefault());
        monitor.Observe(Failed("tiny", 0, _t0));
        monitor.Observe(Failed("tiny", 1, _t0.AddSeconds(1)));
        monitor.Observe(new CheckoutEvent("ok", "tiny", "s2", CheckoutEventType.PaymentSucceeded, _t0.AddSeconds(2)) { Psp = "adyen", PaymentMethod = "card" });
        var changes = Enumerable.Range(1, 600).SelectMany(s => monitor.Evaluate(_t0.AddSeconds(s))).ToList();

        Assert.Empty(changes);
        Assert.Empty(monitor.Active);
    }

    internal static CheckoutEvent Failed(string merchant, int i, DateTimeOffset at) =>
        new($"f{i}", merchant, $"s{i}", CheckoutEventType.PaymentFailed, at)
        {
            Psp = "adyen",
            PaymentMethod = "card",
            CardNetwork = "visa",
            FailureKind = FailureKind.Error,
            AmountMinor = 5_000,
            Currency = "EUR",
        };
}
