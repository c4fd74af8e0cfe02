using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Tests.Simulation;
using Xunit.Abstractions;

namespace CheckoutWatch.Detection.Tests.Detectors;

public sealed class ResolutionTests(ITestOutputHelper output)
{
    [Fact]
    public void Alert_resolves_within_60_seconds_after_the_rate_returns_and_stays_one_alert()
    {
        var lags = new List<double>();
        for (var seed = 1; seed <= 6; seed++)
        {
            var sim = Warm(seed, 20);
            sim.Change("m1", p => p with { Incident = Incidents.Technical(a => a.Psp == "adyen", 0.05, 0.30) });
            sim.Run(TimeSpan.FromMinutes(5));
            var recoveredAt = sim.Now;
            sim.Change("m1", p => p with { Incident = null });
            sim.Run(TimeSpan.FromMinutes(3));

            Assert.Single(sim.Changes, c => c.Kind == ChangeKind.Opened);
            Assert.DoesNotContain(sim.Changes, c => c.Kind == ChangeKind.Reopened);
            var resolved = Assert.Single(sim.Changes, c => c.Kind == ChangeKind.Resolved);
            lags.Add((resolved.Alert.ResolvedAt!.Value - recoveredAt).TotalSeconds);
            Assert.Empty(sim.Monitor("m1").Active);
        }

        output.WriteLine(Report.Delays(lags));
        Assert.All(lags, l => Assert.True(l is > 0 and <= 60, $"resolved {l:F1} s after recovery"));
    }

    [Fact]
    public void Long_moderate_incident_neither_flaps_nor_resolves_while_it_lasts()
    {
        var sim = Warm(11, 50);
        sim.Change("m1", p => p with { Incident = Incidents.Technical(a => a.Psp == "adyen", 0.05, 0.10) });
        sim.Run(TimeSpan.FromMinutes(15));

        Assert.Single(sim.Changes, c => c.Kind == ChangeKind.Opened);
        Assert.DoesNotContain(sim.Changes, c => c.Kind is ChangeKind.Resolved or ChangeKind.Reopened);
        Assert.Single(sim.Monitor("m1").Active);
    }

    [Fact]
    public void Recurrence_within_the_cooldown_reopens_the_same_alert()
    {
        var sim = Warm(21, 20);
        var outage = Incidents.Technical(a => a.Psp == "adyen", 0.05, 0.40);
        sim.Change("m1", p => p with { Incident = outage });
        sim.Run(TimeSpan.FromMinutes(2));
        sim.Change("m1", p => p with { Incident = null });
        sim.Run(TimeSpan.FromMinutes(3));
        sim.Change("m1", p => p with { Incident = outage });
        sim.Run(TimeSpan.FromMinutes(1));

        var opened = Assert.Single(sim.Changes, c => c.Kind == ChangeKind.Opened);
        Assert.Single(sim.Changes, c => c.Kind == ChangeKind.Resolved);
        var reopened = Assert.Single(sim.Changes, c => c.Kind == ChangeKind.Reopened);
        Assert.Equal(opened.Alert.IncidentKey, reopened.Alert.IncidentKey);
        Assert.Equal(2, reopened.Alert.Occurrences);
        Assert.Equal(opened.Alert.StartedAt, reopened.Alert.StartedAt);
        Assert.Null(reopened.Alert.ResolvedAt);
    }

    [Fact]
    public void Recurrence_after_the_cooldown_opens_a_new_alert()
    {
        var sim = Warm(31, 20);
        var outage = Incidents.Technical(a => a.Psp == "adyen", 0.05, 0.40);
        sim.Change("m1", p => p with { Incident = outage });
        sim.Run(TimeSpan.FromMinutes(2));
        sim.Change("m1", p => p with { Incident = null });
        sim.Run(TimeSpan.FromMinutes(15));
        sim.Change("m1", p => p with { Incident = outage });
        sim.Run(TimeSpan.FromMinutes(1));

        Assert.Equal(2, sim.Changes.Count(c => c.Kind == ChangeKind.Opened));
        Assert.DoesNotContain(sim.Changes, c => c.Kind == ChangeKind.Reopened);
    }

    private static Simulator Warm(int seed, double attemptsPerSecond)
    {
        var sim = new Simulator(seed);
        sim.Add(new MerchantProfile("m1") { AttemptsPerSecond = _ => attemptsPerSecond, PspWeights = [0.5, 0.3, 0.2] });
        sim.Run(TimeSpan.FromMinutes(5));
        Assert.Empty(sim.Changes);
        return sim;
    }

    [Fact]
    public void Spike_on_a_merchant_that_stops_sending_payments_resolves_as_no_traffic_within_60_seconds()
    {
        var sim = new Simulator(41);
        sim.Add(new MerchantProfile("m1") { AttemptsPerSecond = _ => 20, PspWeights = [0.5, 0.3, 0.2] });
        sim.Run(TimeSpan.FromMinutes(5));
        sim.Change("m1", p => p with { Incident = Incidents.Technical(a => a.Psp == "adyen", 0.05, 0.5) });
        sim.Run(TimeSpan.FromSeconds(40));
        var spike = Assert.Single(sim.Opened).Alert;
        Assert.Equal(AlertKind.PaymentFailureSpike, spike.Kind);

        // The merchant's checkout goes dark: no starts, no payments.
        var silentFrom = sim.Now;
        sim.Change("m1", p => p with { AttemptsPerSecond = _ => 0, StartsPerSecond = _ => 0 });
        sim.Run(TimeSpan.FromMinutes(3));

        var resolved = Assert.Single(sim.Changes, c => c.Kind == ChangeKind.Resolved && c.Alert.IncidentKey == spike.IncidentKey).Alert;
        Assert.True(resolved.ResolvedAt <= silentFrom.AddSeconds(62), $"resolved at {resolved.ResolvedAt:HH:mm:ss}, silent from {silentFrom:HH:mm:ss}");
        Assert.Contains("no payment attempts since", resolved.Title, StringComparison.Ordinal);
        Assert.Single(sim.Changes, c => c.Kind == ChangeKind.Opened && c.Alert.IncidentKey == spike.IncidentKey);
        // The silence itself is what the traffic-drop alert is for.
        Assert.Contains(sim.Monitor("m1").Active, a => a.Kind == AlertKind.TrafficDrop);
    }
}
