using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Tests.Simulation;
using Xunit.Abstractions;

namespace CheckoutWatch.Detection.Tests.Detectors;

/// <summary>
/// Paging is what wakes someone up: one page per incident, never a page taken back and given
/// again. Multi-slice incidents (a slice first, the merchant a moment later) over many seeds.
/// </summary>
public sealed class PagingTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => ["two-psps", "psp-spreads", "network", "merchant-wide", "psp"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Multi_slice_incidents_page_exactly_once_over_a_seed_sweep(string scenario)
    {
        const int seeds = 60;
        var failures = new List<string>();
        var delays = new List<double>();
        for (var seed = 1; seed <= seeds; seed++)
        {
            var sim = new Simulator(1_000 * seed + scenario.Length);
            sim.Add(new MerchantProfile("m1") { AttemptsPerSecond = _ => 30, PspWeights = [0.4, 0.4, 0.2] });
            sim.Run(TimeSpan.FromMinutes(5));
            var onset = sim.Now;
            sim.Change("m1", p => p with { Incident = Incident(scenario, seed) });
            sim.Run(TimeSpan.FromMinutes(1));

            var paged = PagedKeys(sim.Changes, out var flapped);
            if (paged.Count != 1) failures.Add($"seed {seed}: {paged.Count} paging alerts ({string.Join(", ", paged)})");
            if (flapped.Count > 0) failures.Add($"seed {seed}: paging flapped on {string.Join(", ", flapped)}");
            if (sim.Changes.Find(c => c.Alert.Window < TimeSpan.FromSeconds(1)) is { } thin) failures.Add($"seed {seed}: {thin.Kind} with window {thin.Alert.Window}");
            if (sim.Changes.FirstOrDefault(c => c.Alert.Pages) is { } first) delays.Add((first.Alert.UpdatedAt - onset).TotalSeconds);
        }

        output.WriteLine($"{scenario}: {seeds - failures.Count}/{seeds} clean; page delay {Report.Percentiles(delays)}");
        failures.ForEach(output.WriteLine);
        Assert.Empty(failures);
    }

    [Fact]
    public void Slice_alert_waits_out_the_grace_before_it_pages()
    {
        var sim = new Simulator(5);
        sim.Add(new MerchantProfile("m1") { AttemptsPerSecond = _ => 30, PspWeights = [0.4, 0.4, 0.2] });
        sim.Run(TimeSpan.FromMinutes(5));
        sim.Change("m1", p => p with { Incident = Incidents.Technical(a => a.Psp == "adyen", 0.05, 0.40) });
        sim.Run(TimeSpan.FromMinutes(1));

        var opened = Assert.Single(sim.Opened).Alert;
        Assert.False(opened.Pages);
        var firstPage = sim.Changes.First(c => c.Alert.Pages).Alert;
        Assert.Equal(opened.IncidentKey, firstPage.IncidentKey);
        Assert.Equal(opened.DetectedAt + sim.Options.PagingGrace, firstPage.UpdatedAt);
    }

    /// <summary>Keys that ever paged; keys whose paging went true, false, true again.</summary>
    internal static List<string> PagedKeys(IEnumerable<AlertChange> changes, out List<string> flapped)
    {
        var state = new Dictionary<string, (bool Paged, bool Dropped)>();
        flapped = [];
        foreach (var change in changes)
        {
            var key = change.Alert.IncidentKey;
            var (paged, dropped) = state.GetValueOrDefault(key);
            var reopen = change.Kind == ChangeKind.Reopened;
            if (change.Alert.Pages && dropped && !reopen) flapped.Add(key);
            if (!change.Alert.Pages && paged && change.Kind != ChangeKind.Resolved) dropped = true;
            state[key] = (paged || change.Alert.Pages, reopen ? false : dropped);
        }

        return [.. state.Where(s => s.Value.Paged).Select(s => s.Key)];
    }

    private static Func<Attempt, Random, Outcome?> Incident(string scenario, int seed) => scenario switch
    {
        "two-psps" => Incidents.Technical(a => a.Psp is "adyen" or "stripe", 0.05, 0.40),
        "psp-spreads" => Incidents.Technical(a => a.Psp == "adyen", 0.05, 0.6 + 0.35 * (seed % 8) / 7),
        "network" => Incidents.Technical(a => a.Network == "visa", 0.05, 0.40),
        "merchant-wide" => Incidents.Technical(_ => true, 0.05, 0.50),
        _ => Incidents.Technical(a => a.Psp == "adyen", 0.05, 0.40),
    };
}
