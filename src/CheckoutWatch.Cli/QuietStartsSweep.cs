using System.Globalization;
using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;

namespace CheckoutWatch.Cli;

/// <summary>
/// Quiet low-volume checkout traffic, starts only: each merchant-hour starts cold at a base rate
/// drawn from [minRate, maxRate], on a ±50 % daily ramp at a random phase, with a fresh ±10 %
/// volume jitter every 10 s and Poisson arrivals. Nothing is wrong, so every alert is false.
/// </summary>
internal sealed class QuietStartsSweep(int seed, double minRate, double maxRate)
{
    private static readonly DateTimeOffset _epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs one merchant-hour and returns the alerts it opened (each a false alarm).</summary>
    public IReadOnlyList<string> RunMerchantHour(int index, KnowledgeBase knowledge, DetectionOptions options)
    {
        var rng = new Random(unchecked(seed * 1_000_003 + index));
        var baseRate = minRate + (maxRate - minRate) * rng.NextDouble();
        var phase = rng.NextDouble() * 86_400;
        var id = string.Create(CultureInfo.InvariantCulture, $"m{index:00000}");
        var monitor = new MerchantMonitor(id, options, knowledge);
        var opened = new List<string>();
        var jitter = 1.0;
        for (var s = 0; s < 3_600; s++)
        {
            if (s % 10 == 0) jitter = 1 + 0.1 * (2 * rng.NextDouble() - 1);
            var rate = baseRate * (1 + 0.5 * Math.Sin(2 * Math.PI * (s + phase) / 86_400)) * jitter;
            for (var n = Poisson(rng, rate); n > 0; n--)
            {
                monitor.Observe(new CheckoutEvent("e", id, "s", CheckoutEventType.CheckoutStarted, _epoch.AddSeconds(s + rng.NextDouble())));
            }

            foreach (var change in monitor.Evaluate(_epoch.AddSeconds(s + 1)))
            {
                if (change.Kind != ChangeKind.Opened) continue;
                opened.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{id} (base {baseRate:F2}/s, expected {change.Alert.ExpectedStarts:F1}, observed {change.Alert.ObservedStarts}) at {s} s: {change.Alert.Kind} {change.Alert.Severity} {change.Alert.Title}"));
            }
        }

        return opened;
    }

    private static int Poisson(Random rng, double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        for (var p = rng.NextDouble(); p > limit; p *= rng.NextDouble()) k++;
        return k;
    }
}
