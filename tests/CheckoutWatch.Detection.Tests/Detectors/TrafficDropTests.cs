using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Tests.Simulation;
using Xunit.Abstractions;

namespace CheckoutWatch.Detection.Tests.Detectors;

public sealed class TrafficDropTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset _t0 = Simulator.Epoch;

    [Theory]
    [InlineData(1.0, 0.1)]
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.2)]
    [InlineData(20.0, 0.2)]
    public void Starts_falling_80_percent_or_more_for_30_seconds_alert_within_45_seconds(double perSecond, double remaining)
    {
        var delays = new List<double>();
        for (var seed = 1; seed <= 8; seed++)
        {
            var (changes, dropAt) = RunDrop(seed, perSecond, remaining, TimeSpan.FromMinutes(2));
            var opened = Assert.Single(changes, c => c.Kind == ChangeKind.Opened);
            Assert.Equal(AlertKind.TrafficDrop, opened.Alert.Kind);
            var paged = changes.First(c => c.Alert.Pages);
            delays.Add((paged.Alert.UpdatedAt - dropAt).TotalSeconds);
            Assert.True(opened.Alert.ExpectedStarts > opened.Alert.ObservedStarts);
        }

        output.WriteLine(Report.Delays(delays));
        Assert.All(delays, d => Assert.True(d <= 45, $"paged {d:F0} s after the drop"));
    }

    [Fact]
    public void Exact_80_percent_drop_at_one_start_per_second_is_found_within_45_seconds_for_99_percent_of_seeds()
    {
        // The boundary case: Poisson noise at 1/s and a drop to exactly 0.2/s. By the deadline 43
        // settled seconds hold ~8.6 starts against ~43 expected; the 40 s window test (at most 40 %
        // of expected, Chernoff tail ≥ 9 nats) catches ~99.5 % where the CUSUM alone caught ~85 %.
        const int seeds = 400;
        var delays = new List<double>();
        var missed = 0;
        for (var seed = 1; seed <= seeds; seed++)
        {
            var (changes, dropAt) = RunDrop(seed, 1.0, 0.2, TimeSpan.FromSeconds(46));
            var paged = changes.FirstOrDefault(c => c.Alert.Pages);
            if (paged is null || (paged.Alert.UpdatedAt - dropAt).TotalSeconds > 45) missed++;
            if (paged is not null) delays.Add((paged.Alert.UpdatedAt - dropAt).TotalSeconds);
        }

        output.WriteLine($"{seeds - missed}/{seeds} within 45 s; {Report.Percentiles(delays)}");
        Assert.True(missed <= seeds / 100, $"{missed} of {seeds} seeds missed the 45 s deadline; {Report.Percentiles(delays)}");
    }

    [Fact]
    public void Drop_resolves_once_traffic_is_back()
    {
        var monitor = NewMonitor();
        var changes = new List<AlertChange>();
        var rng = new Random(5);
        Feed(monitor, rng, changes, 0, 600, _ => 5);
        Feed(monitor, rng, changes, 600, 660, _ => 0);
        Feed(monitor, rng, changes, 660, 900, _ => 5);

        Assert.Single(changes, c => c.Kind == ChangeKind.Opened);
        var resolved = Assert.Single(changes, c => c.Kind == ChangeKind.Resolved);
        Assert.True(resolved.Alert.ResolvedAt <= _t0.AddSeconds(660 + 60));
        Assert.Empty(monitor.Active);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.2)]
    [InlineData(0.5)]
    public void Low_volume_noise_raises_no_drop_alert(double perSecond)
    {
        var monitor = NewMonitor();
        var changes = new List<AlertChange>();
        // Two hours of a merchant with a few starts a minute, with bursty (±30 %) minutes.
        var rng = new Random(11);
        Feed(monitor, rng, changes, 0, 7_200, s => perSecond * (1 + 0.3 * Math.Sin(s / 60.0)));

        Assert.Empty(changes);
    }

    /// <summary>
    /// Quiet low-volume starts (the traffic of <c>checkoutwatch quiet-sweep</c>: 0.3–1 start/s base,
    /// ±50 % daily ramp at a random phase, ±10 % jitter every 10 s, Poisson arrivals, cold start),
    /// 41 merchant-hours of seed 1, including m00140, whose hour the fixed per-evaluation window
    /// threshold (tail e^−11, at most 40 % of expected) turned into a false drop (17 of 43.5
    /// expected at ~1.04/s). Every alert is false; the budgeted thresholds raise none here.
    /// </summary>
    [Fact]
    public void Quiet_low_volume_merchant_hours_raise_no_alert()
    {
        int[] merchantHours = [.. Enumerable.Range(0, 40), 140];
        var sweep = new CheckoutWatch.Cli.QuietStartsSweep(seed: 1, minRate: 0.3, maxRate: 1.0);
        var knowledge = KnowledgeBase.LoadDefault();
        var alerts = merchantHours.SelectMany(i => sweep.RunMerchantHour(i, knowledge, DetectionOptions.Default)).ToList();

        alerts.ForEach(output.WriteLine);
        Assert.Empty(alerts);
    }

    [Fact]
    public void Slow_daily_ramp_is_followed_without_alert()
    {
        var monitor = NewMonitor();
        var changes = new List<AlertChange>();
        var rng = new Random(3);
        // Evening decline: 10/s falling to 2/s over three hours.
        Feed(monitor, rng, changes, 0, 10_800, s => 10 - 8 * s / 10_800.0);

        Assert.Empty(changes);
    }

    private static (List<AlertChange> Changes, DateTimeOffset DropAt) RunDrop(int seed, double perSecond, double remaining, TimeSpan after)
    {
        var monitor = NewMonitor();
        var changes = new List<AlertChange>();
        var rng = new Random(seed);
        Feed(monitor, rng, changes, 0, 600, _ => perSecond);
        Assert.Empty(changes);
        Feed(monitor, rng, changes, 600, 600 + (int)after.TotalSeconds, _ => perSecond * remaining);
        return (changes, _t0.AddSeconds(600));
    }

    private static MerchantMonitor NewMonitor() => new("m1", DetectionOptions.Default, KnowledgeBase.LoadDefault());

    private static void Feed(MerchantMonitor monitor, Random rng, List<AlertChange> changes, int from, int to, Func<int, double> rate)
    {
        for (var s = from; s < to; s++)
        {
            var n = Poisson(rng, rate(s));
            for (var i = 0; i < n; i++)
            {
                monitor.Observe(new CheckoutEvent("e", "m1", "s", CheckoutEventType.CheckoutStarted, _t0.AddSeconds(s + rng.NextDouble())));
            }

            changes.AddRange(monitor.Evaluate(_t0.AddSeconds(s + 1)));
        }
    }

    private static int Poisson(Random rng, double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        for (var p = rng.NextDouble(); p > limit; p *= rng.NextDouble()) k++;
        return k;
    }
}
