using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Tests.Simulation;

namespace CheckoutWatch.Detection.Tests.Detectors;

public sealed class DeduplicationTests
{
    [Fact]
    public void Psp_incident_pages_once_on_the_psp_and_lists_the_networks_it_carries_as_evidence()
    {
        var sim = Run(5, Incidents.Technical(a => a.Psp == "adyen", 0.05, 0.40));

        var opened = Assert.Single(sim.Opened);
        Assert.Equal(new AlertDimension(DimensionKind.Psp, "adyen"), opened.Alert.Dimension);
        var latest = sim.Monitor("m1").Active.Single();
        Assert.Contains(latest.Evidence, e => e.Dimension.Kind == DimensionKind.CardNetwork);
        Assert.DoesNotContain(latest.Evidence, e => e.Dimension == new AlertDimension(DimensionKind.Psp, "stripe"));
    }

    [Fact]
    public void Two_psps_failing_together_page_once_on_the_merchant_with_both_as_evidence()
    {
        var sim = Run(8, Incidents.Technical(a => a.Psp is "adyen" or "stripe", 0.05, 0.40));

        var paging = PagingTests.PagedKeys(sim.Changes, out _);
        var alert = sim.Changes.First(c => c.Alert.IncidentKey == Assert.Single(paging)).Alert;
        Assert.Equal(AlertDimension.Merchant("m1"), alert.Dimension);
        var latest = sim.Monitor("m1").Active.Single(a => a.IncidentKey == alert.IncidentKey);
        Assert.Contains(latest.Evidence, e => e.Dimension == new AlertDimension(DimensionKind.Psp, "adyen"));
        Assert.Contains(latest.Evidence, e => e.Dimension == new AlertDimension(DimensionKind.Psp, "stripe"));
    }

    [Fact]
    public void Merchant_wide_outage_raises_one_merchant_alert()
    {
        var sim = Run(13, Incidents.Technical(_ => true, 0.05, 0.50));

        var opened = Assert.Single(sim.Opened);
        Assert.Equal(AlertDimension.Merchant("m1"), opened.Alert.Dimension);
        Assert.Equal(AlertSeverity.Critical, sim.Monitor("m1").Active.Single().Severity);
    }

    [Fact]
    public void Network_incident_across_psps_alerts_on_the_network()
    {
        var sim = Run(17, Incidents.Technical(a => a.Network == "visa", 0.05, 0.40));

        var opened = Assert.Single(sim.Opened);
        Assert.Equal(new AlertDimension(DimensionKind.CardNetwork, "visa"), opened.Alert.Dimension);
    }

    [Fact]
    public void Configuration_decline_spike_across_all_psps_pages_once()
    {
        // Code 12 (invalid transaction) is merchant configuration: actionable, so it pages.
        var sim = Run(19, (a, rng) => rng.NextDouble() < 0.2 ? new Outcome("12", Events.FailureKind.Declined) : null);

        var opened = Assert.Single(sim.Opened);
        Assert.True(opened.Alert.PagesAfterGrace);
        Assert.Equal("12", opened.Alert.TopDeclineCodes[0].Code);
        Assert.Equal("12", opened.Alert.Guidance?.Code);
    }

    [Theory]
    [InlineData(21, 0.6)]
    [InlineData(22, 0.8)]
    [InlineData(23, 0.95)]
    [InlineData(24, 0.7)]
    public void Technical_outage_that_lifts_the_whole_merchant_still_pages_someone(int seed, double rate)
    {
        // One PSP carrying 40 % of traffic fails hard enough to lift the merchant's raw rate too:
        // whichever alert ends up on top, a technical outage must leave a paging alert open.
        var sim = Run(seed, Incidents.Technical(a => a.Psp == "adyen", 0.05, rate));

        Assert.Contains(sim.Monitor("m1").Active, a => a.Pages);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(34)]
    [InlineData(35)]
    [InlineData(36)]
    public void New_merchant_whose_psp_fails_from_the_start_pages_someone(int seed)
    {
        // No history: the merchant's raw rate may trip first as a board-only alert, and must not
        // then silence the paging PSP alert by adopting it as a child.
        var sim = new Simulator(seed);
        sim.Add(new MerchantProfile("m1") { AttemptsPerSecond = _ => 64, PspWeights = [0.5, 0.5, 0], Incident = Incidents.Technical(a => a.Psp == "adyen", 0.05, 0.5) });
        sim.Run(TimeSpan.FromSeconds(40));

        Assert.Contains(sim.Monitor("m1").Active, a => a.Pages);
    }

    private static Simulator Run(int seed, Func<Attempt, Random, Outcome?> incident)
    {
        var sim = new Simulator(seed);
        sim.Add(new MerchantProfile("m1") { AttemptsPerSecond = _ => 30, PspWeights = [0.4, 0.4, 0.2] });
        sim.Run(TimeSpan.FromMinutes(5));
        Assert.Empty(sim.Changes);
        sim.Change("m1", p => p with { Incident = incident });
        sim.Run(TimeSpan.FromMinutes(1));
        return sim;
    }
}
