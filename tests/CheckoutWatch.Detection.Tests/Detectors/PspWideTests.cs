using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Tests.Simulation;
using Xunit.Abstractions;

namespace CheckoutWatch.Detection.Tests.Detectors;

/// <summary>
/// PSP-wide incidents across merchants, wired as the grains wire them: each second every merchant
/// reports its per-PSP counts to the PSP monitors, which evaluate and tell the merchants which
/// PSP-wide alerts are open (one second of lag, like the grains' ticks).
/// </summary>
public sealed class PspWideTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Psp_outage_across_twelve_merchants_pages_exactly_once(int seed)
    {
        var platform = new Platform(seed, merchants: 12);
        platform.Run(TimeSpan.FromMinutes(5));
        Assert.Empty(platform.Changes);

        var onset = platform.Sim.Now;
        foreach (var id in platform.Ids) platform.Sim.Change(id, p => p with { Incident = Incidents.Technical(a => a.Psp == "adyen", 0.05, 0.40) });
        platform.Run(TimeSpan.FromMinutes(1));

        var paged = PagingTests.PagedKeys(platform.Changes, out var flapped);
        output.WriteLine($"seed {seed}: paged {string.Join(", ", paged)}; {platform.Changes.Count(c => c.Kind == ChangeKind.Opened)} alerts opened");
        Assert.Empty(flapped);
        Assert.Equal("*|payment_failure_spike|psp|adyen", Assert.Single(paged));
        var psp = platform.Changes.First(c => c.Alert.MerchantId == PspMonitor.PlatformMerchantId && c.Alert.Pages).Alert;
        Assert.Equal(new AlertDimension(DimensionKind.Psp, "adyen"), psp.Dimension);
        Assert.True((psp.UpdatedAt - onset).TotalSeconds <= 10, $"PSP-wide page {(psp.UpdatedAt - onset).TotalSeconds} s after onset");
        // The merchants' own alerts on adyen are on the board, folded under the PSP-wide one.
        var merchantAlerts = platform.Changes.Where(c => c.Alert.MerchantId != PspMonitor.PlatformMerchantId).Select(c => c.Alert.IncidentKey).Distinct().ToList();
        Assert.All(merchantAlerts, key => Assert.Equal(psp.IncidentKey, platform.Changes.Last(c => c.Alert.IncidentKey == key).Alert.ParentIncidentKey));
    }

    [Fact]
    public void One_merchants_own_problem_on_a_psp_that_is_fine_elsewhere_still_pages_for_that_merchant()
    {
        var platform = new Platform(7, merchants: 12);
        platform.Run(TimeSpan.FromMinutes(5));
        platform.Sim.Change("m03", p => p with { Incident = Incidents.Technical(a => a.Psp == "adyen", 0.05, 0.40) });
        platform.Run(TimeSpan.FromMinutes(1));

        var paged = Assert.Single(PagingTests.PagedKeys(platform.Changes, out _));
        Assert.Equal("m03|payment_failure_spike|psp|adyen", paged);
        Assert.DoesNotContain(platform.Changes, c => c.Alert.MerchantId == PspMonitor.PlatformMerchantId);
    }

    [Fact]
    public void Psp_wide_baseline_becomes_the_prior_of_a_new_merchants_psp_slice()
    {
        var platform = new Platform(8, merchants: 6);
        platform.Run(TimeSpan.FromMinutes(5));
        var adyen = platform.Psps["adyen"];
        Assert.InRange(adyen.BaselineRate, 0.03, 0.08);

        var prior = new Detection.Detectors.PspBaselinePrior(DetectionOptions.Default.FailureSpike);
        prior.Update("adyen", adyen.BaselineRate, adyen.ActionableBaselineRate);
        var context = new Detection.Detectors.BaselineContext("new", new AlertDimension(DimensionKind.Psp, "adyen"),
            Detection.Detectors.FailureMeasure.AllFailures, null, ParentRate: 0.2);
        Assert.Equal(adyen.BaselineRate, prior.PriorFor(context).Rate, 6);
        var other = context with { Dimension = new AlertDimension(DimensionKind.Psp, "unknown") };
        Assert.Equal(0.2, prior.PriorFor(other).Rate, 6);
    }

    /// <summary>Merchants on adyen/stripe plus one PSP monitor per PSP, stepped a second at a time.</summary>
    private sealed class Platform
    {
        public Platform(int seed, int merchants)
        {
            Sim = new Simulator(seed);
            for (var i = 0; i < merchants; i++)
            {
                var id = $"m{i:00}";
                Ids.Add(id);
                Sim.Add(new MerchantProfile(id) { AttemptsPerSecond = _ => 4 + i % 5, Psps = ["adyen", "stripe"], PspWeights = [0.6, 0.4] });
            }
        }

        public Simulator Sim { get; }
        public List<string> Ids { get; } = [];
        public Dictionary<string, PspMonitor> Psps { get; } = new(StringComparer.Ordinal);
        public List<AlertChange> Changes { get; } = [];

        public void Run(TimeSpan duration)
        {
            for (var s = 0; s < duration.TotalSeconds; s++)
            {
                var before = Sim.Changes.Count;
                Sim.Run(TimeSpan.FromSeconds(1));
                Changes.AddRange(Sim.Changes.Skip(before));
                foreach (var id in Ids)
                {
                    foreach (var counts in Sim.Monitor(id).DrainPspCounts())
                    {
                        if (!Psps.TryGetValue(counts.Psp, out var psp)) Psps[counts.Psp] = psp = new PspMonitor(counts.Psp, Sim.Options);
                        psp.Observe(id, counts, Sim.Now);
                    }
                }

                foreach (var psp in Psps.Values) Changes.AddRange(psp.Evaluate(Sim.Now));
                var open = Psps.Values.Where(p => p.OpenIncidentKey is not null).ToDictionary(p => p.Psp, p => p.OpenIncidentKey!);
                foreach (var id in Ids) Sim.Monitor(id).SetPlatformIncidents(open);
            }
        }
    }
}
