using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Tests.Simulation;

namespace CheckoutWatch.Detection.Tests.Monitoring;

public sealed class MerchantMonitorTests
{
    private static readonly DateTimeOffset _t0 = Simulator.Epoch;

    [Fact]
    public void Event_of_another_merchant_is_refused()
    {
        var monitor = new MerchantMonitor("m1", DetectionOptions.Default, KnowledgeBase.LoadDefault());

        Assert.Throws<ArgumentException>(() => monitor.Observe(new CheckoutEvent("e", "m2", "s", CheckoutEventType.CheckoutStarted, _t0)));
    }

    [Fact]
    public void Event_far_in_the_future_counts_at_the_last_evaluation()
    {
        var monitor = new MerchantMonitor("m1", DetectionOptions.Default, KnowledgeBase.LoadDefault());
        monitor.Evaluate(_t0);
        for (var i = 0; i < 12; i++) monitor.Observe(LowVolumeFailure(i, _t0.AddHours(5)));
        var changes = monitor.Evaluate(_t0.AddSeconds(1));

        var opened = Assert.Single(changes);
        Assert.True(opened.Alert.StartedAt <= _t0.AddSeconds(1));
    }

    [Fact]
    public void Same_inputs_give_the_same_alerts()
    {
        static List<string> Run()
        {
            var sim = new Simulator(42);
            sim.Add(new MerchantProfile("m1") { AttemptsPerSecond = _ => 20 });
            sim.Run(TimeSpan.FromMinutes(3));
            sim.Change("m1", p => p with { Incident = Incidents.Technical(a => a.Psp == "stripe", 0.05, 0.5) });
            sim.Run(TimeSpan.FromMinutes(1));
            return sim.Changes.Select(c => $"{c.Kind} {c.Alert.IncidentKey} {c.Alert.DetectedAt:O} {c.Alert.Failures}").ToList();
        }

        var first = Run();
        Assert.NotEmpty(first);
        Assert.Equal(first, Run());
    }

    [Fact]
    public void Time_going_backwards_is_treated_as_no_time_passing()
    {
        var monitor = new MerchantMonitor("m1", DetectionOptions.Default, KnowledgeBase.LoadDefault());
        monitor.Evaluate(_t0.AddSeconds(10));
        monitor.Evaluate(_t0);

        Assert.Equal(_t0.AddSeconds(10), monitor.LastEvaluatedAt);
    }

    [Fact]
    public void Snapshot_shows_every_stream_with_its_baseline()
    {
        var monitor = new MerchantMonitor("m1", DetectionOptions.Default, KnowledgeBase.LoadDefault());
        monitor.Observe(LowVolumeFailure(0, _t0));

        var snapshot = monitor.Snapshot();
        Assert.Contains(snapshot.Streams, s => s.Dimension == AlertDimension.Merchant("m1"));
        Assert.Contains(snapshot.Streams, s => s.Dimension == new AlertDimension(DimensionKind.Psp, "adyen"));
        Assert.Contains(snapshot.Streams, s => s.Dimension == new AlertDimension(DimensionKind.DeclineClass, "technical"));
        Assert.All(snapshot.Streams, s => Assert.InRange(s.Baseline, 0.0001, 0.5));
    }

    private static CheckoutEvent LowVolumeFailure(int i, DateTimeOffset at) =>
        new($"f{i}", "m1", $"s{i}", CheckoutEventType.PaymentFailed, at) { Psp = "Adyen ", PaymentMethod = "card", FailureKind = FailureKind.Timeout };
}
