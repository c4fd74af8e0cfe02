using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Tests.Simulation;
using Xunit.Abstractions;

namespace CheckoutWatch.Detection.Tests.Detectors;

public sealed class LargeSpikeTests(ITestOutputHelper output)
{
    [Fact]
    public void Spike_on_one_psp_raises_one_alert_within_10_seconds()
    {
        var delays = new List<double>();
        for (var seed = 1; seed <= 12; seed++)
        {
            // The PSP carries 10 of the merchant's 20 attempts/s; 5 % fail, then 30 % (technical).
            var sim = new Simulator(seed);
            sim.Add(new MerchantProfile("m1") { AttemptsPerSecond = _ => 20, StartsPerSecond = _ => 2, PspWeights = [0.5, 0.3, 0.2] });
            sim.Run(TimeSpan.FromMinutes(10));
            Assert.Empty(sim.Changes);

            sim.Change("m1", p => p with { Incident = Incidents.Technical(a => a.Psp == "adyen", 0.05, 0.30) });
            sim.Run(TimeSpan.FromMinutes(2));

            var opened = Assert.Single(sim.Opened);
            Assert.Equal(new AlertDimension(DimensionKind.Psp, "adyen"), opened.Alert.Dimension);
            Assert.True(opened.Alert.PagesAfterGrace);
            Assert.True(opened.Alert.Actionable);
            Assert.Contains(opened.Alert.TopDeclineCodes, c => c.Code is "96" or "error" or "timeout");
            Assert.NotNull(opened.Alert.Guidance);
            Assert.True(opened.Alert.AffectedSessions > 0 && opened.Alert.RevenueAtRiskMinor > 0);
            delays.Add((opened.Alert.DetectedAt - sim.FirstIncidentFailure["m1"]).TotalSeconds);
        }

        output.WriteLine(Report.Delays(delays));
        Assert.All(delays, d => Assert.True(d <= 10, $"detected after {d:F1} s"));
    }

    [Theory]
    [InlineData(0.01, 10)]
    [InlineData(0.03, 10)]
    [InlineData(0.08, 10)]
    [InlineData(0.15, 10)]
    [InlineData(0.05, 40)]
    public void Six_fold_technical_spike_is_found_within_10_seconds_at_any_base_rate(double baseRate, double attemptsPerSecond)
    {
        var delays = new List<double>();
        for (var seed = 1; seed <= 6; seed++)
        {
            var sim = new Simulator(100 + seed);
            sim.Add(new MerchantProfile("m1")
            {
                AttemptsPerSecond = _ => attemptsPerSecond,
                StartsPerSecond = _ => 2,
                Psps = ["adyen"],
                PspWeights = [1],
                CustomerDeclineRate = baseRate * 0.8,
                TechnicalRate = baseRate * 0.2,
            });
            sim.Run(TimeSpan.FromMinutes(10));
            var target = Math.Min(0.9, Math.Max(6 * baseRate, baseRate + 0.25));
            sim.Change("m1", p => p with { Incident = Incidents.Technical(_ => true, baseRate, target) });
            sim.Run(TimeSpan.FromMinutes(1));

            var opened = Assert.Single(sim.Opened);
            Assert.True(opened.Alert.PagesAfterGrace);
            delays.Add((opened.Alert.DetectedAt - sim.FirstIncidentFailure["m1"]).TotalSeconds);
        }

        output.WriteLine(Report.Delays(delays));
        Assert.All(delays, d => Assert.True(d <= 10, $"detected after {d:F1} s"));
    }

    [Fact]
    public void Spike_of_customer_declines_raises_a_minor_board_alert_that_does_not_page()
    {
        var sim = new Simulator(7);
        sim.Add(new MerchantProfile("m1") { AttemptsPerSecond = _ => 20 });
        sim.Run(TimeSpan.FromMinutes(10));
        sim.Change("m1", p => p with { Incident = Incidents.CustomerDeclines(a => a.Psp == "adyen", 0.05, 0.30) });
        sim.Run(TimeSpan.FromMinutes(2));

        var opened = Assert.Single(sim.Opened);
        Assert.Equal(AlertSeverity.Minor, opened.Alert.Severity);
        Assert.False(opened.Alert.PagesAfterGrace);
        Assert.False(opened.Alert.Actionable);
        Assert.DoesNotContain(sim.Changes, c => c.Alert.Pages);
    }
}
