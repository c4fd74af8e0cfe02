using System.Diagnostics;
using CheckoutWatch.Detection.Tests.Simulation;
using Xunit.Abstractions;

namespace CheckoutWatch.Detection.Tests.Detectors;

public sealed class QuietTrafficTests(ITestOutputHelper output)
{
    /// <summary>
    /// Twenty merchants of different sizes (0.2 to 12 attempts/s), failure rates (2 % to 12 %, a
    /// fifth of it technical), PSP mixes and phases of a ±50 % daily ramp, with Poisson arrivals
    /// and ten-second volume jitter, from a cold start: an hour in event time, not one alert.
    /// </summary>
    [Fact]
    public void Hour_of_stationary_noisy_traffic_on_20_merchants_with_daily_ramps_raises_no_alert()
    {
        var clock = Stopwatch.StartNew();
        var sim = new Simulator(seed: 2025);
        for (var i = 0; i < 20; i++) sim.Add(QuietMerchant(i));

        sim.Run(TimeSpan.FromHours(1));

        output.WriteLine($"simulated an hour of 20 merchants in {clock.ElapsedMilliseconds} ms");
        foreach (var change in sim.Changes) output.WriteLine($"{change.Kind} {change.Alert.Title} at {change.Alert.DetectedAt:HH:mm:ss}");
        Assert.Empty(sim.Changes);
    }

    /// <summary>
    /// The same hour over a sweep of seeds (200 merchant-hours; CHECKOUTWATCH_QUIET_SEEDS for more): zero alerts of any kind. The
    /// deadline test for traffic drops is the part most exposed here (see docs/detection.md).
    /// </summary>
    [Fact]
    public void Quiet_hour_raises_no_alert_over_a_seed_sweep()
    {
        var seeds = int.TryParse(Environment.GetEnvironmentVariable("CHECKOUTWATCH_QUIET_SEEDS"), out var n) ? n : 10;
        var alerted = new List<string>();
        for (var seed = 1; seed <= seeds; seed++)
        {
            var sim = new Simulator(seed);
            for (var i = 0; i < 20; i++) sim.Add(QuietMerchant(i));
            sim.Run(TimeSpan.FromHours(1));
            alerted.AddRange(sim.Opened.Select(c => $"seed {seed}: {c.Alert.Title} at {c.Alert.DetectedAt:HH:mm:ss}"));
        }

        output.WriteLine($"{seeds} seeds x 20 merchant-hours: {alerted.Count} alerts");
        alerted.ForEach(output.WriteLine);
        Assert.Empty(alerted);
    }

    internal static MerchantProfile QuietMerchant(int i)
    {
        double[] volumes = [0.2, 0.5, 1, 2, 3, 5, 8, 4, 12, 0.3];
        var volume = volumes[i % volumes.Length];
        var failure = 0.02 + 0.005 * (i % 21);
        return new MerchantProfile($"m{i:00}")
        {
            AttemptsPerSecond = MerchantProfile.DailyRamp(volume, 0.5, phaseSeconds: i * 4_321),
            CustomerDeclineRate = failure * 0.8,
            TechnicalRate = failure * 0.2,
            Psps = i % 3 == 0 ? ["adyen"] : ["adyen", "stripe", "checkout"],
            PspWeights = i % 3 == 0 ? [1] : [0.6, 0.3, 0.1],
            CardShare = i % 4 == 0 ? 1 : 0.8,
        };
    }
}
